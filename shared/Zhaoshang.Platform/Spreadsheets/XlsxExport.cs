using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>
/// A list as an Excel workbook, written to the response as its rows are read: the download starts with the first rows
/// and one row is in memory at a time, whatever the list's length. The endpoint writes it while its connection is still
/// open (the rows are usually an unbuffered query), and answers <see cref="EmptyHttpResult"/> once it is done.
/// </summary>
public static class XlsxExport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // MiniExcel writes a sheet through a buffer of 512K characters by default: nothing reached the response before some
    // 1,300 rows had been read. At 16K the download starts after a few dozen rows, within a cursor's first batch
    // (ExportCursor); the workbook's content is the same, only the zip's compressed stream breaks at other places.
    private static readonly OpenXmlConfiguration Streaming = new() { BufferSize = 16 * 1024 };

    /// <summary>A workbook of one sheet: the header row, then one row per record.</summary>
    public static Task<EmptyHttpResult> WriteAsync<T>(
        HttpResponse response, IEnumerable<T> records, IReadOnlyList<SheetColumn<T>> columns, string sheetName, string fileName,
        CancellationToken cancellationToken) =>
        WriteAsync(response, fileName, (body, token) =>
            body.SaveAsAsync(Sheet(records, columns), printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX,
                configuration: Streaming, cancellationToken: token),
            cancellationToken);

    /// <summary>A workbook of several sheets, in the order given: each its header row, then its rows.</summary>
    public static Task<EmptyHttpResult> WriteWorkbookAsync(
        HttpResponse response, IReadOnlyList<SheetRows> sheets, string fileName, CancellationToken cancellationToken)
    {
        var book = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
            book.Add(sheet.Name, sheet.Rows.Select(r => Cells(r)).Prepend(Cells(sheet.Headers.Cast<object?>().ToList())));
        return WriteAsync(response, fileName, (body, token) =>
            body.SaveAsAsync(book, printHeader: false, excelType: ExcelType.XLSX, configuration: Streaming, cancellationToken: token),
            cancellationToken);
    }

    private static async Task<EmptyHttpResult> WriteAsync(
        HttpResponse response, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        response.ContentType = MediaType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await using var body = new AsyncOnlyBody(response.Body);
        await write(body, cancellationToken);
        await body.FlushAsync(cancellationToken);
        return TypedResults.Empty;
    }

    // Rows keyed by column position, so that the header is a row like any other and an empty list still has it.
    private static IEnumerable<IDictionary<string, object?>> Sheet<T>(IEnumerable<T> records, IReadOnlyList<SheetColumn<T>> columns)
    {
        yield return Cells(columns.Select(c => (object?)c.Header).ToList());
        foreach (var record in records)
            yield return Cells(columns.Select(c => Cell(c.Value(record))).ToList());
    }

    private static IDictionary<string, object?> Cells(IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
            row[$"c{i:D3}"] = Cell(values[i]);
        return row;
    }

    // Days as text in ISO form (as staff type them back in an import); enums by name; money stays decimal.
    private static object? Cell(object? value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd"),
        DateTimeOffset moment => moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>
    /// The response body for MiniExcel, which closes its zip with synchronous writes (the central directory) that the
    /// server refuses: those few bytes are kept and sent by the next asynchronous write or flush. Everything else goes
    /// straight through.
    /// </summary>
    private sealed class AsyncOnlyBody(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await SendPendingAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // A synchronous flush has nothing to do: what is pending goes with the next asynchronous write or flush.
        public override void Flush()
        {
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendPendingAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await SendPendingAsync(CancellationToken.None);
            await _pending.DisposeAsync();
            await base.DisposeAsync();
        }

        private async Task SendPendingAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length == 0)
                return;
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
    }
}
