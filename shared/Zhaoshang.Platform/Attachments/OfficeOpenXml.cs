using System.Buffers.Binary;
using System.Text;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// Office Open XML (docx, xlsx, pptx) is a zip package with a <c>[Content_Types].xml</c> part and its document's parts
/// under <c>word/</c>, <c>xl/</c> or <c>ppt/</c>. The zip's central directory at its end lists the parts: only the names
/// are read, one entry at a time, nothing is decompressed. Any other zip (or a damaged one) is none of them.
/// </summary>
internal static class OfficeOpenXml
{
    private const int EndRecordLength = 22;
    private const int EntryHeaderLength = 46;
    private const uint EndRecordSignature = 0x06054b50;
    private const uint EntrySignature = 0x02014b50;

    private static readonly (string Folder, ContentType Type)[] Documents =
        [("word/", ContentTypes.Docx), ("xl/", ContentTypes.Xlsx), ("ppt/", ContentTypes.Pptx)];

    public static ContentType? Detect(Stream zip)
    {
        if (FindDirectory(zip) is not var (offset, entries))
            return null;
        var header = new byte[EntryHeaderLength];
        var name = new byte[ushort.MaxValue];
        var hasContentTypes = false;
        ContentType? document = null;
        zip.Position = offset;
        for (var i = 0; i < entries; i++)
        {
            if (zip.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature)
                return null;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            if (zip.ReadAtLeast(name.AsMemory(0, nameLength).Span, nameLength, throwOnEndOfStream: false) < nameLength)
                return null;
            var entry = Encoding.UTF8.GetString(name, 0, nameLength);
            hasContentTypes |= entry == "[Content_Types].xml";
            document ??= Documents.FirstOrDefault(d => entry.StartsWith(d.Folder, StringComparison.Ordinal)).Type;
            if (hasContentTypes && document is not null)
                return document;
            zip.Seek(extraLength + commentLength, SeekOrigin.Current);
        }

        return null;
    }

    /// <summary>Where the central directory starts and how many entries it has, from the end record (the last 22 to 65 557 bytes).</summary>
    private static (long Offset, int Entries)? FindDirectory(Stream zip)
    {
        var tailLength = (int)Math.Min(zip.Length, EndRecordLength + ushort.MaxValue);
        if (tailLength < EndRecordLength)
            return null;
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);
        for (var at = tailLength - EndRecordLength; at >= 0; at--)
        {
            var record = tail.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != EndRecordSignature
                || at + EndRecordLength + BinaryPrimitives.ReadUInt16LittleEndian(record[20..]) != tailLength)
                continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            var endAt = zip.Length - tailLength + at;
            // Zip64 marks these fields all ones; no document within the size limit needs it.
            return offset + (long)size <= endAt ? (offset, entries) : null;
        }

        return null;
    }
}
