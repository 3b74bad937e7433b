namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>One column of an exported sheet: its header as staff read it (Chinese) and how a record fills it.</summary>
public sealed record SheetColumn<T>(string Header, Func<T, object?> Value);
