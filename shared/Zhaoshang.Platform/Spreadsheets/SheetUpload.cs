using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Attachments;

namespace Zhaoshang.Platform.Spreadsheets;

/// <summary>What an import did: every data row read, those imported, and the refused ones when only good rows were asked for.</summary>
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<RowProblem> Refused);

/// <summary>The workbook of an import request (field <c>file</c>), and the answers every import gives.</summary>
public static class SheetUpload
{
    /// <summary>A 20,000-row list is well under this; a larger file is something else.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The uploaded workbook (a temporary file the caller disposes), or why it is refused (400, 413, 415).</summary>
    public static async Task<(UploadedFile? Workbook, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (file, refusal) = await UploadedFile.ReadAsync(request, MaxBytes, cancellationToken);
        if (refusal is not null)
            return (null, UploadedFile.Problem(refusal.Status, refusal.Message));
        if (ContentTypes.Detect(file!.Content) == ContentTypes.Xlsx)
            return (file, null);
        await file.DisposeAsync();
        return (null, UploadedFile.Problem(StatusCodes.Status415UnsupportedMediaType,
            $"'{UploadedFile.Field}' must be an Excel workbook (xlsx), judged by its content whatever its name."));
    }

    /// <summary>A workbook whose sheet could not be read (a damaged package): 400 naming the field <c>file</c>.</summary>
    public static ProblemHttpResult Unreadable(Exception error) =>
        UploadedFile.Problem(StatusCodes.Status400BadRequest, $"'{UploadedFile.Field}' could not be read as a worksheet: {error.Message}");

    /// <summary>422 for a header row that lacks columns the import reads (each a problem of row 1): nothing was read further.</summary>
    public static ProblemHttpResult MissingColumns(IReadOnlyList<RowProblem> problems) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The list lacks columns; nothing was imported.",
            detail: $"The first row lacks {string.Join(", ", problems.Select(p => $"'{p.Column}'"))}. "
                + "Start from the import template, which has every column.",
            extensions: new Dictionary<string, object?> { ["rows"] = problems });

    /// <summary>422 listing each refused row (row, column, why): nothing was imported.</summary>
    public static ProblemHttpResult Refused(IReadOnlyList<RowProblem> problems, int rows) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Rows of the list are refused; nothing was imported.",
            detail: $"{problems.Select(p => p.Row).Distinct().Count()} of {rows} rows are refused. Correct them and import the file "
                + "again, or import only the good rows (goodRowsOnly=true).",
            extensions: new Dictionary<string, object?> { ["rows"] = problems });
}
