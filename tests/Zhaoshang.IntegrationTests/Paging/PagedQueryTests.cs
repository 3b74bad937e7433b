using Dapper;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Paging;

namespace Zhaoshang.IntegrationTests.Paging;

/// <summary>A list's page and its count (PagedQuery) on PostgreSQL while rows are written.</summary>
public class PagedQueryTests
{
    [Fact]
    public async Task A_row_written_between_the_page_and_the_count_is_in_neither_or_both()
    {
        var table = $"paging_{Guid.NewGuid():N}";
        await using var dataSource = DatabaseExtensions.CreateDataSource(TestEnvironment.ConnectionString("Project"));
        await using (var setup = await dataSource.OpenConnectionAsync())
            await setup.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY); INSERT INTO {table} VALUES (1)");
        try
        {
            await using var reader = await dataSource.OpenConnectionAsync();
            // The page takes its time, so the row below is committed after the page has read and before the count.
            var read = reader.QueryPageAsync<int>(
                $"SELECT id FROM {table}, pg_sleep(0.5) ORDER BY id LIMIT @Size OFFSET @Offset", $"SELECT count(*) FROM {table}",
                new { Size = 20, Offset = 0L }, new PageQuery(1, 20, null));
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            await using (var writer = await dataSource.OpenConnectionAsync())
                await writer.ExecuteAsync($"INSERT INTO {table} VALUES (2)");

            var page = await read;
            Assert.Equal(page.Total, page.Items.Count);
        }
        finally
        {
            await using var cleanup = await dataSource.OpenConnectionAsync();
            await cleanup.ExecuteAsync($"DROP TABLE {table}");
        }
    }
}
