using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Zhaoshang.Funding.Stats;

/// <summary>CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF, fields quoted when they need it.</summary>
internal static class Csv
{
    public static FileContentHttpResult File(string fileName, string[] headings, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headings))
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", fileName);
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
