using Microsoft.AspNetCore.Http;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.UnitTests;

/// <summary>An export's download starts with its first rows, whatever the list's length (the province's first-byte target).</summary>
public sealed class XlsxExportTests
{
    [Fact]
    public async Task The_first_bytes_are_sent_before_a_cursors_first_batch_of_rows_is_used_up()
    {
        var read = 0;
        var body = new FirstWrite(() => read);
        var context = new DefaultHttpContext { Response = { Body = body } };
        IEnumerable<int> Rows()
        {
            for (var i = 0; i < 5000; i++)
            {
                read++;
                yield return i;
            }
        }

        // As wide as a row of the target list: a company's name, its USCC, region, chain, role, priority and a time.
        SheetColumn<int>[] columns =
        [
            new("企业名称", i => $"昆明新能源电池材料有限公司{i}"), new("统一社会信用代码", i => $"91530100MA6K{i:D6}"),
            new("总部所在地", _ => "云南省昆明市"), new("产业链", _ => "新能源电池"), new("链上角色", _ => "配套"), new("优先级", _ => "B"),
            new("登记时间", _ => new DateTimeOffset(2026, 3, 4, 2, 11, 0, TimeSpan.Zero)),
        ];

        await XlsxExport.WriteAsync(context.Response, Rows(), columns, "清单", "清单.xlsx", CancellationToken.None);

        Assert.Equal(5000, read);
        // ExportCursor fetches 100 rows first: the download must not wait for the next batch.
        Assert.InRange(body.RowsReadAtFirstWrite!.Value, 1, 100);
    }

    /// <summary>A response body that notes how many rows had been read when the first bytes reached it.</summary>
    private sealed class FirstWrite(Func<int> rowsRead) : Stream
    {
        public int? RowsReadAtFirstWrite { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            RowsReadAtFirstWrite ??= rowsRead();
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // The server refuses synchronous writes, as Kestrel does.
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
