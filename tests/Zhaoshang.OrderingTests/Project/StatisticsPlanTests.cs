using Dapper;
using Zhaoshang.Project.Statistics;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// The statistics' queries on the service's own connections, which prepare a statement after a few calls: PostgreSQL must
/// still plan each for the days asked each time, never with its generic plan (blind to the days, it read a province's
/// projects through six bitmap indexes and their reports one project at a time, several times slower). Each is tried:
/// the month totals' (the city's year), the totals by industry (the groups of the city's year by industry) and the
/// projects' (the year by park).
/// </summary>
[Collection(ProjectCollection.Name)]
public sealed class StatisticsPlanTests(ProjectDatabase fixture)
{
    [Theory]
    [InlineData(null, "%FROM statistics_fund_months m%")]
    [InlineData(StatisticsGrouping.Industry, "%FROM statistics_industry_fund_months m%")]
    [InlineData(StatisticsGrouping.Park, "%FROM statistics_funds s%")]
    public async Task Every_call_is_planned_for_its_days(StatisticsGrouping? groupBy, string statement)
    {
        var period = StatisticsScope.PeriodOf(2025, null, null);
        var scope = new StatisticsScope(period, new StatisticsFilter(null, null, null, null, null, null), groupBy, true, null, null);
        await using var connection = await fixture.Db.DataSource.OpenConnectionAsync();
        // Prepared from the fifth use; PostgreSQL weighs its generic plan from a prepared statement's sixth execution on.
        for (var i = 0; i < 15; i++)
            await StatisticsStore.ReadAsync(connection, scope, StatisticsCalculator.Windows(period, groupBy));

        var plans = await connection.QuerySingleAsync<(long Generic, long Custom)>(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE @statement", new { statement });
        Assert.Equal(0, plans.Generic);
        Assert.True(plans.Custom > 5, $"{plans.Custom} custom plans");
    }
}
