using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>
/// A list as an Excel workbook. The rows are written to a temporary file as they are read (one row in memory at a time,
/// whatever the list's length) and the file is streamed back and deleted when the response is done.
/// </summary>
public static class XlsxExport
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook of one sheet: the header row, then one row per record.</summary>
    public static async Task<FileStreamHttpResult> FileAsync<T>(
        IEnumerable<T> records, IReadOnlyList<SheetColumn<T>> columns, string sheetName, string fileName,
        CancellationToken cancellationToken)
    {
        var file = TemporaryFile();
        try
        {
            await file.SaveAsAsync(Sheet(records, columns), printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX,
                cancellationToken: cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, MediaType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A workbook of several sheets, in the order given: each its header row, then its rows (written as they are
    /// enumerated, like <see cref="FileAsync{T}"/>).
    /// </summary>
    public static async Task<FileStreamHttpResult> WorkbookAsync(
        IReadOnlyList<SheetRows> sheets, string fileName, CancellationToken cancellationToken)
    {
        var file = TemporaryFile();
        try
        {
            var book = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var sheet in sheets)
                book.Add(sheet.Name, sheet.Rows.Select(r => Cells(r)).Prepend(Cells(sheet.Headers.Cast<object?>().ToList())));
            await file.SaveAsAsync(book, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, MediaType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
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

    /// <summary>A file deleted when closed: an export is written there as its rows are read, then sent from it.</summary>
    public static FileStream TemporaryFile() => new(
        Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
