using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Funding.Stats;

/// <summary>
/// CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF, fields quoted when they need it. The headings go
/// out at once and each row as it is read (one page of rows in memory at a time), so a download starts answering before
/// its query has read the whole list.
/// </summary>
internal static class Csv
{
    private const int PageSize = 1000;

    public static PushStreamHttpResult Stream(string fileName, string[] headings, IAsyncEnumerable<string[]> rows) =>
        TypedResults.Stream(body => WriteAsync(body, headings, rows), "text/csv; charset=utf-8", fileName);

    /// <summary>The headings, flushed at once, then the rows as they come.</summary>
    public static async Task WriteAsync(Stream body, string[] headings, IAsyncEnumerable<string[]> rows)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await WriteRowAsync(writer, headings);
        await writer.FlushAsync();
        await foreach (var row in rows)
            await WriteRowAsync(writer, row);
    }

    /// <summary>
    /// The rows of <paramref name="sql"/> page by page in its key's order: each page (LIMIT @PageSize) starts after the
    /// last row of the one before (<paramref name="parameters"/> of it; of null for the first), so each is a short index
    /// scan whatever the list's length. The pages read one snapshot, as a single query would.
    /// </summary>
    public static async IAsyncEnumerable<T> KeysetAsync<T>(
        Database database, string sql, Func<T?, object> parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        T? last = null;
        while (true)
        {
            var arguments = new DynamicParameters(parameters(last));
            arguments.Add("PageSize", PageSize);
            var page = (await connection.QueryAsync<T>(new CommandDefinition(sql, arguments, snapshot, cancellationToken: cancellationToken))).AsList();
            foreach (var row in page)
                yield return row;
            if (page.Count < PageSize)
                yield break;
            last = page[^1];
        }
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task WriteRowAsync(StreamWriter writer, string[] row)
    {
        await writer.WriteAsync(string.Join(',', row.Select(Field)));
        await writer.WriteAsync("\r\n");
    }

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
