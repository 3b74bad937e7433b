using System.Buffers.Binary;
using System.Text;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// The legacy Office formats (doc, xls, ppt) are compound files (OLE2, [MS-CFB]): a little file system of sectors whose
/// directory names the streams. A Word document has a <c>WordDocument</c> stream, a workbook a <c>Workbook</c> (or
/// <c>Book</c>) stream, a presentation a <c>PowerPoint Document</c> stream; other compound files (installers, Outlook
/// messages) have none of them. Only the directory's sectors are read, following the allocation table.
/// </summary>
internal static class CompoundFile
{
    private const int HeaderLength = 512;
    private const int DirectoryEntryLength = 128;
    private const int HeaderDifatEntries = 109;
    private const uint MaxRegularSector = 0xFFFFFFFA;

    private static readonly (string Stream, ContentType Type)[] Documents =
    [
        ("WordDocument", ContentTypes.Doc), ("Workbook", ContentTypes.Xls), ("Book", ContentTypes.Xls),
        ("PowerPoint Document", ContentTypes.Ppt),
    ];

    public static ContentType? Detect(Stream file)
    {
        if (file.Length < HeaderLength)
            return null;
        var header = new byte[HeaderLength];
        file.Position = 0;
        file.ReadExactly(header);
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
        if (shift is not (9 or 12))
            return null;
        var reader = new SectorReader(file, 1 << shift, header);
        var directorySector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(48));
        // A chain longer than the file has sectors loops: the file is damaged.
        for (long visited = 0; directorySector <= MaxRegularSector && visited <= reader.SectorCount; visited++)
        {
            var sector = reader.Read(directorySector);
            if (sector is null)
                return null;
            for (var at = 0; at + DirectoryEntryLength <= sector.Length; at += DirectoryEntryLength)
            {
                if (DocumentOf(sector.AsSpan(at, DirectoryEntryLength)) is { } type)
                    return type;
            }

            directorySector = reader.Next(directorySector) ?? uint.MaxValue;
        }

        return null;
    }

    /// <summary>A directory entry (UTF-16 name, its length in bytes with the terminator, type 2 = stream) naming a document stream.</summary>
    private static ContentType? DocumentOf(ReadOnlySpan<byte> entry)
    {
        var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
        if (entry[66] != 2 || nameBytes is < 2 or > 64)
            return null;
        var name = Encoding.Unicode.GetString(entry[..(nameBytes - 2)]);
        return Documents.FirstOrDefault(d => d.Stream == name).Type;
    }

    /// <summary>Sectors by number, and the allocation table (FAT) that chains them, its own sectors listed by the DIFAT.</summary>
    private sealed class SectorReader(Stream file, int sectorSize, byte[] header)
    {
        private readonly List<uint> _fatSectors = ReadDifat(file, sectorSize, header);

        public long SectorCount => file.Length / sectorSize;

        public byte[]? Read(uint sector)
        {
            var offset = ((long)sector + 1) * sectorSize;
            if (offset + sectorSize > file.Length)
                return null;
            var bytes = new byte[sectorSize];
            file.Position = offset;
            file.ReadExactly(bytes);
            return bytes;
        }

        /// <summary>The sector after <paramref name="sector"/> in its chain, or null at the chain's end or a damaged table.</summary>
        public uint? Next(uint sector)
        {
            var perSector = sectorSize / 4;
            var index = sector / perSector;
            if (index >= _fatSectors.Count || Read(_fatSectors[(int)index]) is not { } fat)
                return null;
            var next = BinaryPrimitives.ReadUInt32LittleEndian(fat.AsSpan((int)(sector % perSector) * 4));
            return next <= MaxRegularSector ? next : null;
        }

        /// <summary>The FAT's sectors: the header's first 109, then those of the DIFAT sectors' chain.</summary>
        private static List<uint> ReadDifat(Stream file, int sectorSize, byte[] header)
        {
            var fatSectors = new List<uint>();
            for (var i = 0; i < HeaderDifatEntries; i++)
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(76 + 4 * i)));
            var difatSector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
            var bytes = new byte[sectorSize];
            for (long visited = 0; difatSector <= MaxRegularSector && visited <= file.Length / sectorSize; visited++)
            {
                var offset = ((long)difatSector + 1) * sectorSize;
                if (offset + sectorSize > file.Length)
                    break;
                file.Position = offset;
                file.ReadExactly(bytes);
                for (var at = 0; at < sectorSize - 4; at += 4)
                    fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)));
                difatSector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(sectorSize - 4));
            }

            return fatSectors;
        }
    }
}
