using Dapper;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>The exports' cursor (ExportCursor) on PostgreSQL: every row once, in the query's order, batch after batch.</summary>
public class ExportCursorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(1100)]
    [InlineData(2345)]
    public async Task Every_row_comes_once_in_the_querys_order_whatever_the_batches_and_each_time_on_one_connection(int count)
    {
        await using var dataSource = DatabaseExtensions.CreateDataSource(TestEnvironment.ConnectionString("Project"));
        await using var connection = await dataSource.OpenConnectionAsync();
        // More times than the data source takes to prepare a statement and PostgreSQL to settle on a plan for it.
        for (var run = 0; run < 12; run++)
        {
            var rows = connection.QueryByCursor<int>("SELECT g FROM generate_series(1, @count) g ORDER BY g DESC", new { count }).ToList();
            Assert.Equal(Enumerable.Range(1, count).Reverse(), rows);
        }
    }
}
