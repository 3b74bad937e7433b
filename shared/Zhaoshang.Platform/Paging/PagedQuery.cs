using System.Data;
using Dapper;
using Npgsql;

namespace Zhaoshang.Platform.Paging;

public static class PagedQuery
{
    /// <summary>
    /// Runs a list query whose last column is <c>count(*) OVER () AS total</c> and that applies
    /// <c>LIMIT @Size OFFSET @Offset</c>: the page's items and the whole list's size in one round trip.
    /// </summary>
    public static async Task<Page<T>> QueryPageAsync<T>(this NpgsqlConnection connection, string sql, object parameters, PageQuery page)
    {
        long total = 0;
        var items = await connection.QueryAsync<T, TotalCount, T>(
            sql,
            (item, count) =>
            {
                total = count.Total;
                return item;
            },
            parameters,
            splitOn: "total");
        return new Page<T>(items.AsList(), page.Number, page.Size, total);
    }

    /// <summary>
    /// A page and the list's size from one snapshot, as two statements of one batch: <paramref name="pageSql"/> (with
    /// <c>LIMIT @Size OFFSET @Offset</c>) and <paramref name="countSql"/>, which counts what it pages. Unlike a window count,
    /// the page can then come off an index in its order without the whole list being read and sorted.
    /// </summary>
    public static async Task<Page<T>> QueryPageAsync<T>(
        this NpgsqlConnection connection, string pageSql, string countSql, object parameters, PageQuery page)
    {
        await using var snapshot = await OneSnapshotAsync(connection);
        await using var results = await connection.QueryMultipleAsync($"{pageSql};\n{countSql}", parameters);
        var items = (await results.ReadAsync<T>()).AsList();
        return new Page<T>(items, page.Number, page.Size, await results.ReadSingleAsync<long>());
    }

    /// <summary>The same for rows that map to two records (a join), split at <paramref name="splitOn"/>.</summary>
    public static async Task<Page<T>> QueryPageAsync<TFirst, TSecond, T>(
        this NpgsqlConnection connection, string pageSql, string countSql, Func<TFirst, TSecond, T> map, object parameters, PageQuery page,
        string splitOn)
    {
        await using var snapshot = await OneSnapshotAsync(connection);
        await using var results = await connection.QueryMultipleAsync($"{pageSql};\n{countSql}", parameters);
        var items = results.Read(map, splitOn).AsList();
        return new Page<T>(items, page.Number, page.Size, await results.ReadSingleAsync<long>());
    }

    /// <summary>
    /// The ORDER BY clause of a list's <c>sort</c> (validated against <paramref name="clauses"/>' keys), the default's when none
    /// is asked: one plain clause per sort, so that an index in that order can answer the page.
    /// </summary>
    public static string OrderBy(this PageQuery page, IReadOnlyDictionary<string, string> clauses, string defaultSort) =>
        "ORDER BY " + clauses[page.Sort ?? defaultSort];

    /// <summary>
    /// Each statement of a batch has its own snapshot at read committed: an item written between the page and the count
    /// would be counted but not listed. Repeatable read gives both one snapshot; Npgsql sends its BEGIN with the batch.
    /// </summary>
    private static async Task<NpgsqlTransaction> OneSnapshotAsync(NpgsqlConnection connection) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);

    private sealed record TotalCount(long Total);
}
