namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>One sheet of a workbook of several (<see cref="XlsxExport.WorkbookAsync"/>): its name, header and rows of cells.</summary>
public sealed record SheetRows(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);
