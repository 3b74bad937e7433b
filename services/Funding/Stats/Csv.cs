using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Funding.Stats;

/// <summary>
/// CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF, fields quoted when they need it. Like the xlsx
/// exports, the rows go to a temporary file as they are read (one in memory at a time) and are sent from there.
/// </summary>
internal static class Csv
{
    public static async Task<FileStreamHttpResult> FileAsync(
        string fileName, string[] headings, IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        var file = XlsxExport.TemporaryFile();
        try
        {
            await using (var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true))
            {
                foreach (var row in rows.Prepend(headings))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await writer.WriteAsync(string.Join(',', row.Select(Field)));
                    await writer.WriteAsync("\r\n");
                }
            }

            file.Position = 0;
            return TypedResults.File(file, "text/csv; charset=utf-8", fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Quotes what needs it; text that Excel would run as a formula (its first character after any spaces is =, +, -, @,
    /// a tab or a carriage return) is prefixed with an apostrophe. A number, negative too, stays a number.
    /// </summary>
    private static string Field(string value)
    {
        if (value.TrimStart(' ') is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..]
            && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
