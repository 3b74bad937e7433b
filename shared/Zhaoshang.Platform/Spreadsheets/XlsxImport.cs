using MiniExcelLibs;

namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>A data row of an imported sheet: its row number as Excel shows it, and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    /// <summary>The cell's text, trimmed; null when the cell is empty or the column is missing.</summary>
    public string? Text(string header) =>
        Cells.TryGetValue(header, out var value) && value is not null && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text
            ? text
            : null;

    public bool IsBlank => Cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>Why one row of an import is refused: the row and column as Excel shows them, and the reason.</summary>
public sealed record RowProblem(int Row, string Column, string Reason);

/// <summary>Reads the first sheet of an uploaded workbook, its first row being the headers.</summary>
public static class XlsxImport
{
    /// <summary>The <paramref name="required"/> headers the first row lacks, each as a problem of row 1.</summary>
    public static IReadOnlyList<RowProblem> MissingHeaders(Stream workbook, IEnumerable<string> required)
    {
        workbook.Position = 0;
        var headers = MiniExcel.GetColumns(workbook, useHeaderRow: true)?.Select(h => h.Trim()).ToHashSet() ?? [];
        return required.Where(h => !headers.Contains(h)).Select(h => new RowProblem(1, h, $"第1行缺少列“{h}”。")).ToList();
    }

    /// <summary>The data rows, blank ones skipped (their numbers are kept, so later rows are named as Excel shows them).</summary>
    public static IEnumerable<SheetRow> Rows(Stream workbook)
    {
        workbook.Position = 0;
        var number = 1;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(workbook, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            var row = new SheetRow(number, cells.ToDictionary(c => c.Key.Trim(), c => c.Value));
            if (!row.IsBlank)
                yield return row;
        }
    }
}
