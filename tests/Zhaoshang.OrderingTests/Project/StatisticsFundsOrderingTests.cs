using Xunit.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// The statistics' funds read model: a project's conversion and its verified reports (some in foreign currency, some
/// redelivered) delivered in every shuffled order, reports before the project included, to a fresh project each time:
/// the rows kept (one per report) and the project's verified total must equal the in-order delivery's, and the month totals
/// the statistics read must stay in step with them.
/// </summary>
[Collection(ProjectCollection.Name)]
public sealed class StatisticsFundsOrderingTests(ProjectDatabase fixture, ITestOutputHelper output)
{
    private static readonly int PermutationCount = Permutations.Sampled(30);

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_order_keeps_each_report_once_and_the_largest_total()
    {
        var random = new Random(2700);
        var expected = await RunAsync(deliveries => deliveries);
        Assert.Equal("40000.00|4 reports: 10000.00/-, 7100.00/1000.00, 9200.00/1295.77, 13700.00/-|month totals off by 0 rows", expected);
        var differences = new List<string>();
        for (var i = 0; i < PermutationCount; i++)
        {
            var actual = await RunAsync(deliveries => i == 0 ? Permutations.Reversed(deliveries) : Permutations.Shuffle(deliveries, random));
            if (actual != expected)
                differences.Add($"permutation {i}: got {actual}");
        }

        output.WriteLine($"{PermutationCount} orders, {differences.Count} differing from the in-order end state");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(5)));
    }

    /// <summary>The drift check finds the rows of any of the kept totals that writes got wrong, and nothing once they are right again.</summary>
    [Theory]
    [InlineData("statistics_months", "projects")]
    [InlineData("statistics_industry_months", "projects")]
    [InlineData("statistics_fund_months", "reports")]
    [InlineData("statistics_industry_fund_months", "reports")]
    public async Task Corrupted_totals_are_found(string table, string count)
    {
        await RunAsync(deliveries => deliveries);
        Assert.Equal(0, await StatisticsMonths.DriftAsync(fixture.Db));
        var corrupt = $"UPDATE {table} SET {count} = {count} + @by";
        var rows = await fixture.Db.ExecuteAsync(corrupt, new { by = 1 });
        try
        {
            Assert.True(rows > 0);
            Assert.Equal(2 * rows, await StatisticsMonths.DriftAsync(fixture.Db));   // each missing from the fresh sum, and the other way
        }
        finally
        {
            await fixture.Db.ExecuteAsync(corrupt, new { by = -1 });
        }
        Assert.Equal(0, await StatisticsMonths.DriftAsync(fixture.Db));
    }

    private async Task<string> RunAsync(Func<IReadOnlyList<Delivery>, IReadOnlyList<Delivery>> order)
    {
        var projectId = Guid.CreateVersion7();
        var day = new DateOnly(2026, 11, 2);
        FundsVerified Report(decimal cny, decimal total, string currency, decimal amount, decimal? usd, string source) =>
            new(projectId, Guid.CreateVersion7(), cny, total, day, _clock.Now, currency, amount, usd, source, "FixedAssets");
        var deliveries = new List<Delivery>
        {
            Delivery.Of(new CooperationIntentConverted(Guid.CreateVersion7(), projectId, Guid.CreateVersion7(), "云南测试企业", null, "新材料",
                500_000_000m, ProjectDesk.District, ProjectDesk.District, null, _clock.Now, "新加坡")),
            Delivery.Of(Report(10_000m, 10_000m, "CNY", 10_000m, null, "OutsideProvince")),
            Delivery.Of(Report(7_100m, 17_100m, "USD", 1_000m, 1_000m, "Abroad")),
            Delivery.Of(Report(9_200m, 26_300m, "HKD", 10_000m, 1_295.77m, "Abroad")),
            // Verified before funding sent the USD equivalent: currency and the rest absent.
            Delivery.Of(new FundsVerified(projectId, Guid.CreateVersion7(), 13_700m, 40_000m, day, _clock.Now)),
        };
        var consumers = ProjectConsumers.All(fixture.Db, _clock).Add(new CooperationIntentConvertedConsumer(fixture.Db.Database));
        await consumers.DeliverAllAsync(order(deliveries));

        var total = await fixture.Db.ScalarAsync<decimal>("SELECT verified_funds_cny FROM projects WHERE id = @projectId", new { projectId });
        var rows = await fixture.Db.QueryAsync<(decimal Cny, decimal? Usd)>(
            "SELECT amount_cny, amount_usd FROM statistics_funds WHERE project_id = @projectId ORDER BY project_verified_total_cny", new { projectId });
        return $"{total:F2}|{rows.Count} reports: {string.Join(", ", rows.Select(r => $"{r.Cny:F2}/{(r.Usd is { } u ? u.ToString("F2") : "-")}"))}" +
               $"|month totals off by {await StatisticsMonths.DriftAsync(fixture.Db)} rows";
    }
}
