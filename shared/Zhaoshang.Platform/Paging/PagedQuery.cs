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

    private sealed record TotalCount(long Total);
}
