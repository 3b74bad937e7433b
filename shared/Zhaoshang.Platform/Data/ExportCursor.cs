using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// A whole list read for an export, in its query's order, through a cursor fetched a batch at a time. PostgreSQL plans a
/// cursor for its first rows (cursor_tuple_fraction): it walks an index in the list's order and looks each row's join up
/// on an index, where the same query run plainly sorts or hashes the whole set before its first row. It plans it with the
/// request's values each time, and the rows are one snapshot, as a single query's.
/// </summary>
public static class ExportCursor
{
    // Small first, so the download starts at once; then batches big enough that round trips cost little.
    private const int FirstBatch = 100;
    private const int Batch = 1000;

    /// <summary>The rows of <paramref name="sql"/> as read (unbuffered), for the connection's lifetime.</summary>
    public static IEnumerable<T> QueryByCursor<T>(this NpgsqlConnection connection, string sql, object parameters) =>
        Fetch(connection, sql, parameters, (fetch, transaction) => connection.Query<T>(fetch, transaction: transaction));

    /// <summary>The same for rows that map to two records (a join), split at <paramref name="splitOn"/>.</summary>
    public static IEnumerable<T> QueryByCursor<TFirst, TSecond, T>(
        this NpgsqlConnection connection, string sql, Func<TFirst, TSecond, T> map, object parameters, string splitOn) =>
        Fetch(connection, sql, parameters,
            (fetch, transaction) => connection.Query(fetch, map, transaction: transaction, splitOn: splitOn));

    private static IEnumerable<T> Fetch<T>(
        NpgsqlConnection connection, string sql, object parameters, Func<string, NpgsqlTransaction, IEnumerable<T>> fetch)
    {
        // A cursor named after its query: a FETCH is prepared on the connection (auto-prepare) with the columns it first
        // returned, and the same text fetching another query's rows read them with those columns and broke the connection.
        var cursor = $"export_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16]}";
        // A cursor lives in a transaction; ending it (rolled back: nothing was written) closes the cursor.
        using var transaction = connection.BeginTransaction();
        connection.Execute($"DECLARE {cursor} NO SCROLL CURSOR FOR {sql}", parameters, transaction);
        for (var size = FirstBatch; ; size = Batch)
        {
            var rows = fetch($"FETCH {size} FROM {cursor}", transaction).AsList();
            foreach (var row in rows)
                yield return row;
            if (rows.Count < size)
                yield break;
        }
    }
}
