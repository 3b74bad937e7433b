using System.Text;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.UnitTests;

/// <summary>A file's type comes from its content alone: the accepted formats by their structure, anything else refused.</summary>
public class AttachmentContentTypesTests
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpeg", "image/jpeg" },
        { "gif", "image/gif" },
        { "webp", "image/webp" },
        { "docx", SampleFiles.DocxType },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "docx with a zip comment", SampleFiles.DocxType },
        { "doc", "application/msword" },
        { "doc with a directory over three sectors", "application/msword" },
        { "xls", "application/vnd.ms-excel" },
        { "xls of Excel 5 (Book)", "application/vnd.ms-excel" },
        { "ppt", "application/vnd.ms-powerpoint" },
    };

    public static TheoryData<string> Refused() =>
    [
        "empty", "exe", "text", "html", "svg", "plain zip", "zip with content types but no document", "document parts without content types",
        "truncated zip", "msi (compound file of other streams)", "truncated compound file", "compound file with a looping directory",
        "riff that is a wav", "pdf signature not at the start",
    ];

    private static readonly Dictionary<string, Func<byte[]>> Files = new()
    {
        ["pdf"] = () => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        ["png"] = SampleFiles.Png,
        ["jpeg"] = SampleFiles.Jpeg,
        ["gif"] = SampleFiles.Gif,
        ["webp"] = SampleFiles.WebP,
        ["docx"] = SampleFiles.Docx,
        ["xlsx"] = SampleFiles.Xlsx,
        ["pptx"] = SampleFiles.Pptx,
        ["docx with a zip comment"] = () => SampleFiles.Zip(["[Content_Types].xml", "word/document.xml"], comment: "由办公软件生成"),
        ["doc"] = () => SampleFiles.CompoundFile("WordDocument"),
        ["doc with a directory over three sectors"] = () => SampleFiles.CompoundFile("WordDocument", directorySectors: 3),
        ["xls"] = () => SampleFiles.CompoundFile("Workbook"),
        ["xls of Excel 5 (Book)"] = () => SampleFiles.CompoundFile("Book"),
        ["ppt"] = () => SampleFiles.CompoundFile("PowerPoint Document"),
        ["empty"] = () => [],
        ["exe"] = () => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0],
        ["text"] = () => Encoding.UTF8.GetBytes("项目资金到位情况说明：已到位三亿元。"),
        ["html"] = () => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ["svg"] = () => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        ["plain zip"] = SampleFiles.PlainZip,
        ["zip with content types but no document"] = () => SampleFiles.Package("docProps/app.xml"),
        ["document parts without content types"] = () => SampleFiles.Zip(["word/document.xml"]),
        ["truncated zip"] = () => SampleFiles.Docx()[..40],
        ["msi (compound file of other streams)"] = () => SampleFiles.CompoundFile("\u4840\u3b3f\u4577\u446c"),
        ["truncated compound file"] = () => SampleFiles.CompoundFile("WordDocument")[..700],
        ["compound file with a looping directory"] = LoopingCompoundFile,
        ["riff that is a wav"] = () => [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0],
        ["pdf signature not at the start"] = () => Encoding.ASCII.GetBytes("MZ......%PDF-1.4"),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void An_accepted_format_is_known_by_its_content(string file, string mediaType)
    {
        using var content = new MemoryStream(Files[file]());
        Assert.Equal(mediaType, ContentTypes.Detect(content)?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused(string file)
    {
        using var content = new MemoryStream(Files[file]());
        Assert.Null(ContentTypes.Detect(content));
    }

    [Fact]
    public void Every_accepted_type_is_one_that_the_detection_can_answer()
    {
        var detected = Accepted().Select(row => (string)row[1]).ToHashSet();
        Assert.Equal(ContentTypes.Accepted.Select(t => t.MediaType).ToHashSet(), detected);
    }

    /// <summary>A directory sector whose chain points back at itself, and whose entries name no document stream.</summary>
    private static byte[] LoopingCompoundFile()
    {
        var file = SampleFiles.CompoundFile("Other");
        // FAT entry of sector 1 (the directory): sector 1 again.
        BitConverter.TryWriteBytes(file.AsSpan(512 + 4), 1u);
        return file;
    }
}
