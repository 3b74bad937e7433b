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

    [Fact]
    public async Task Two_exports_of_other_columns_take_turns_on_one_connection_once_their_statements_are_prepared()
    {
        await using var dataSource = DatabaseExtensions.CreateDataSource(TestEnvironment.ConnectionString("Project"));
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var run = 0; run < 6; run++)
        {
            var names = connection.QueryByCursor<(int Number, string Name)>(
                "SELECT g, 'row ' || g FROM generate_series(1, 150) g ORDER BY g", new { }).ToList();
            Assert.Equal(Enumerable.Range(1, 150).Select(g => (g, $"row {g}")), names);
            var amounts = connection.QueryByCursor<long>(
                "SELECT g * 1000000000000 FROM generate_series(1, 150::bigint) g ORDER BY g", new { }).ToList();
            Assert.Equal(Enumerable.Range(1, 150).Select(g => g * 1_000_000_000_000L), amounts);
        }
    }
}
