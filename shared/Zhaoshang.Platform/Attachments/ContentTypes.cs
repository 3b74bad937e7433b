namespace Zhaoshang.Platform.Attachments;

/// <summary>A file type the attachments accept, as its content shows it.</summary>
public sealed record ContentType(string MediaType, string Name);

/// <summary>
/// What a file is, judged by its content and never by its name or the type its sender declared: the signature at its
/// start, and for the two container formats what they contain (an Office Open XML package's parts, a compound file's
/// streams). Anything else is refused, however it is named.
/// </summary>
public static class ContentTypes
{
    public static readonly ContentType Pdf = new("application/pdf", "PDF");
    public static readonly ContentType Png = new("image/png", "PNG");
    public static readonly ContentType Jpeg = new("image/jpeg", "JPEG");
    public static readonly ContentType Gif = new("image/gif", "GIF");
    public static readonly ContentType WebP = new("image/webp", "WebP");
    public static readonly ContentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (docx)");
    public static readonly ContentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (xlsx)");
    public static readonly ContentType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (pptx)");
    public static readonly ContentType Doc = new("application/msword", "Word 97-2003 (doc)");
    public static readonly ContentType Xls = new("application/vnd.ms-excel", "Excel 97-2003 (xls)");
    public static readonly ContentType Ppt = new("application/vnd.ms-powerpoint", "PowerPoint 97-2003 (ppt)");

    public static readonly IReadOnlyList<ContentType> Accepted = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipSignature = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of the content of a seekable stream, or null when it is none of <see cref="Accepted"/>.</summary>
    public static ContentType? Detect(Stream content)
    {
        var head = new byte[16];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> start = head.AsSpan(0, length);
        if (start.StartsWith("%PDF-"u8))
            return Pdf;
        if (start.StartsWith(PngSignature))
            return Png;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (start.StartsWith("GIF87a"u8) || start.StartsWith("GIF89a"u8))
            return Gif;
        if (start.Length >= 12 && start.StartsWith("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8))
            return WebP;
        if (start.StartsWith(ZipSignature))
            return OfficeOpenXml.Detect(content);
        if (start.StartsWith(CompoundFileSignature))
            return CompoundFile.Detect(content);
        return null;
    }
}
