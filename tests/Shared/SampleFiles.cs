using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Zhaoshang.Tests.Shared;

/// <summary>
/// Small files of each type the attachments accept, built here byte by byte as their formats define them, and
/// look-alikes that must be refused.
/// </summary>
public static class SampleFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Png() => [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, .. ";"u8];

    public static byte[] WebP() => [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8L"u8, 13, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>An Office Open XML package: <c>[Content_Types].xml</c> and the document's part in its folder.</summary>
    public static byte[] Package(params string[] parts) => Zip(["[Content_Types].xml", "_rels/.rels", .. parts]);

    public static byte[] Docx() => Package("word/document.xml", "word/styles.xml");

    public static byte[] Xlsx() => Package("xl/workbook.xml", "xl/worksheets/sheet1.xml");

    public static byte[] Pptx() => Package("ppt/presentation.xml", "ppt/slides/slide1.xml");

    /// <summary>A zip of ordinary files, such as a folder of scans: no Office document.</summary>
    public static byte[] PlainZip() => Zip(["扫描件/第1页.txt", "扫描件/第2页.txt"]);

    public static byte[] Zip(string[] entries, string comment = "")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write($"<part name=\"{name}\"/>");
            }

            zip.Comment = comment;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A compound file (OLE2) of 512-byte sectors holding one stream named <paramref name="stream"/> beside the root: the
    /// header, the allocation table (FAT) in sector 0, then the directory over <paramref name="directorySectors"/> chained
    /// sectors, the stream's entry in the last one.
    /// </summary>
    public static byte[] CompoundFile(string stream, int directorySectors = 1)
    {
        const uint endOfChain = 0xFFFFFFFE, free = 0xFFFFFFFF, fatSector = 0xFFFFFFFD;
        var file = new byte[512 * (2 + directorySectors)];
        var header = file.AsSpan(0, 512);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], endOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], endOfChain);
        for (var i = 0; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + 4 * i)..], i == 0 ? 0 : free);

        var fat = file.AsSpan(512, 512);
        for (var sector = 0; sector < 128; sector++)
        {
            var next = sector == 0 ? fatSector
                : sector < directorySectors ? (uint)sector + 1
                : sector == directorySectors ? endOfChain
                : free;
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * sector)..], next);
        }

        DirectoryEntry(file.AsSpan(1024, 128), "Root Entry", 5);
        DirectoryEntry(file.AsSpan(512 * (1 + directorySectors) + 128, 128), stream, 2);
        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type)
    {
        var length = Encoding.Unicode.GetBytes(name, entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(length + 2));
        entry[66] = type;
    }
}
