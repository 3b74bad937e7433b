using System.Net;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.IntegrationTests.Statistics;

/// <summary>
/// GET /api/statistics over the hand-computed ten-project fixture (2030 and 2031, years no other test touches): the
/// projects stored as the lifecycle leaves them (the lifecycle takes land on the day it is recorded, so history cannot be
/// replayed through it), their verified funds through the broker and FundsVerifiedConsumer, every figure written out here.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class StatisticsTests(SystemFixture system)
{
    private const string A = "五华区";
    private const string B = "盘龙区";
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    private readonly Journey _bureau = new(system);

    [Fact]
    public async Task The_city_in_the_first_quarter_matches_the_fixture()
    {
        await SeedAsync();
        var report = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/statistics?year=2031&quarter=1");

        Assert.Equal("2031-03-31", report.GetProperty("period").GetProperty("to").GetString());
        var now = report.GetProperty("current");
        Assert.Equal(5, Int(now, "projectsOpened"));
        Assert.Equal(4, Int(now, "signedCount"));
        AssertAmount(now.GetProperty("signedAmount"), 2_050_000_000.00m, 205_000.00m, 20.5m);
        Assert.Equal([1, 0, 0, 0, 0], new[] { "registeredCount", "landAcquiredCount", "startedCount", "inProductionCount", "startedOnLandDay" }.Select(f => Int(now, f)));
        Assert.Equal((4, 1), (Int(now.GetProperty("bands"), "atLeast100Million"), Int(now.GetProperty("bands"), "atLeast1Billion")));
        AssertAmount(now.GetProperty("fundsInPlace"), 146_300_000.00m, 14_630.00m, 1.463m);
        Assert.Equal(2_295_774.65m, now.GetProperty("foreignCapitalUsd").GetDecimal());
        AssertRates(now, 0.8m, 0m, 0.25m, 0m, 0.0714m);

        var last = report.GetProperty("lastYear");
        Assert.Equal((4, 4, 2), (Int(last, "projectsOpened"), Int(last, "signedCount"), Int(last, "startedCount")));
        Assert.Equal(870_000_000.00m, last.GetProperty("signedAmount").GetProperty("yuan").GetDecimal());
        Assert.Equal(53_550_000.00m, last.GetProperty("fundsInPlace").GetProperty("yuan").GetDecimal());
        AssertRates(last, 1m, 0.5m, 0.5m, 0m, 0.0616m);

        var growth = report.GetProperty("yearOnYear");
        Assert.Equal([0m, 1.3563m, -1m, 1.7320m, 3.5915m],
            new[] { "signedCount", "signedAmount", "startedCount", "fundsInPlace", "foreignCapitalUsd" }.Select(f => growth.GetProperty(f).GetDecimal()));

        var ranking = report.GetProperty("districtRanking").EnumerateArray().ToList();
        Assert.Equal([(1, A, 130_000_000.00m), (2, B, 16_300_000.00m)],
            ranking.Select(r => (Int(r, "rank"), r.GetProperty("district").GetString(), r.GetProperty("fundsInPlace").GetProperty("yuan").GetDecimal())));
        Assert.Equal(2_295_774.65m, ranking[1].GetProperty("foreignCapitalUsd").GetDecimal());
    }

    /// <summary>
    /// The city by sector over whole months: the groups added up from the totals by industry, all else from those by
    /// district, the same as the ungrouped read's to the byte.
    /// </summary>
    [Fact]
    public async Task The_city_by_sector_has_the_ungrouped_figures_ranking_and_targets()
    {
        var (grouped, whole) = await GroupedAsWholeAsync(_bureau, "sector", "current", "lastYear", "yearOnYear", "districtRanking", "targets");

        Assert.Equal(
            [("一产", 1, 60_000_000.00m, 700_000.00m), ("三产", 2, 1_400_000_000.00m, 100_000_000.00m), ("二产", 2, 650_000_000.00m, 58_645_678.91m)],
            grouped.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), Int(g.GetProperty("figures"), "signedCount"),
                g.GetProperty("figures").GetProperty("signedAmount").GetProperty("yuan").GetDecimal(),
                g.GetProperty("figures").GetProperty("fundsInPlace").GetProperty("yuan").GetDecimal())));
        Assert.NotEmpty(whole.GetProperty("districtRanking").EnumerateArray());
    }

    /// <summary>
    /// A district by industry over whole months: its figures and targets from the month totals, its groups from its
    /// projects for the current window alone, the same as its ungrouped read's to the byte.
    /// </summary>
    [Fact]
    public async Task A_district_by_industry_has_its_ungrouped_figures_and_targets()
    {
        var staff = new Journey(system, Tokens.For("district", district: A));
        var (grouped, whole) = await GroupedAsWholeAsync(staff, "industry", "current", "lastYear", "yearOnYear", "targets");

        Assert.Equal(Int(whole.GetProperty("current"), "signedCount"),
            grouped.GetProperty("groups").EnumerateArray().Sum(g => Int(g.GetProperty("figures"), "signedCount")));
        Assert.True(grouped.GetProperty("groups").GetArrayLength() > 1);
    }

    [Fact]
    public async Task A_district_sees_its_first_talk_credit_and_groups()
    {
        await SeedAsync();
        var staff = new Journey(system, Tokens.For("district", district: A));
        var report = await staff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/statistics?year=2031&quarter=1&groupBy=sector");

        Assert.Equal(A, report.GetProperty("filter").GetProperty("district").GetString());
        var now = report.GetProperty("current");
        Assert.Equal((3, 2), (Int(now, "projectsOpened"), Int(now, "signedCount")));
        Assert.Equal(1_350_000_000.00m, now.GetProperty("signedAmount").GetProperty("yuan").GetDecimal());
        Assert.Equal(1, Int(now.GetProperty("firstTalkCredit"), "count"));   // project 7, transferred to B and signed there
        Assert.Equal(200_000_000.00m, now.GetProperty("firstTalkCredit").GetProperty("signedAmount").GetProperty("yuan").GetDecimal());
        AssertRates(now, 0.6667m, 0m, 0.5m, 0m, 0.0963m);
        Assert.Equal(12m, report.GetProperty("yearOnYear").GetProperty("fundsInPlace").GetDecimal());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("yearOnYear").GetProperty("foreignCapitalUsd").ValueKind);
        Assert.Empty(report.GetProperty("districtRanking").EnumerateArray());
        Assert.Equal([("三产", 1), ("二产", 1)],   // project 2 (数字经济), project 1 (新材料); project 3 only opened
            report.GetProperty("groups").EnumerateArray().Where(g => Int(g.GetProperty("figures"), "signedCount") > 0)
                .Select(g => (g.GetProperty("key").GetString(), Int(g.GetProperty("figures"), "signedCount"))));

        await ExpectFieldAsync(staff, $"/api/statistics?year=2031&district={Uri.EscapeDataString(B)}", "district");
        await new Journey(system, Tokens.For("park", park: Journey.Park))
            .ExpectAsync(HttpStatusCode.Forbidden, system.Project, HttpMethod.Get, "/api/statistics?year=2031");
        await ExpectFieldAsync(_bureau, "/api/statistics?year=2031&quarter=1&month=2", "month");
        await ExpectFieldAsync(_bureau, "/api/statistics?year=2031&groupBy=colour", "groupBy");
        await ExpectFieldAsync(_bureau, "/api/statistics?quarter=1", "year");
        await ExpectFieldAsync(_bureau, "/api/statistics?year=2031&region=火星", "region");

        var abroad = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/statistics?year=2031&region={Uri.EscapeDataString("境外")}&industry=MATERIALS");
        Assert.Equal((2, 1), (Int(abroad.GetProperty("current"), "projectsOpened"), Int(abroad.GetProperty("current"), "signedCount")));   // 3 and 6
        Assert.Equal(16_300_000.00m, abroad.GetProperty("current").GetProperty("fundsInPlace").GetProperty("yuan").GetDecimal());
    }

    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_seeded)
                return;
            await system.ExecuteAsync(system.Project,
                """
                CREATE TEMP TABLE fixture_projects AS SELECT id FROM projects WHERE opened_on BETWEEN '2030-01-01' AND '2031-12-31';
                DELETE FROM statistics_funds WHERE reported_on BETWEEN '2030-01-01' AND '2031-12-31';
                -- A rerun on the same database: the plan backfill has given the signed fixture projects node plans since.
                DELETE FROM project_node_history WHERE project_id IN (SELECT id FROM fixture_projects);
                DELETE FROM project_nodes WHERE project_id IN (SELECT id FROM fixture_projects);
                DELETE FROM project_node_plans WHERE project_id IN (SELECT id FROM fixture_projects);
                DELETE FROM project_timeline WHERE project_id IN (SELECT id FROM fixture_projects);
                DELETE FROM projects WHERE id IN (SELECT id FROM fixture_projects);
                DROP TABLE fixture_projects;
                DELETE FROM statistics_targets WHERE year = 2031;
                """);
            string District(string key) => key == "A" ? A : B;
            var ids = new Dictionary<int, Guid>();
            foreach (var p in StatisticsFixture.Projects)
            {
                ids[p.No] = Guid.CreateVersion7();
                var openedAt = new DateTimeOffset(p.OpenedOn.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);   // 10:00 in China
                await system.ExecuteAsync(system.Project,
                    """
                    INSERT INTO projects (id, intent_id, enterprise_id, enterprise_name, enterprise_hq_region, industry, intended_investment,
                                          district, first_district, state, state_entered_at, created_at, updated_at, opened_on, signed_on,
                                          contracted_investment, registered_on, land_acquired_on, construction_started_on, production_started_on)
                    VALUES (@Id, gen_random_uuid(), gen_random_uuid(), @Name, @HqRegion, @Industry, 100000000, @District, @FirstDistrict,
                            @State, @OpenedAt, @OpenedAt, @OpenedAt, @OpenedOn::date, @SignedOn::date, @Contracted, @RegisteredOn::date,
                            @LandOn::date, @StartedOn::date, @ProductionOn::date)
                    """,
                    new
                    {
                        Id = ids[p.No], Name = $"统计项目{p.No}", p.HqRegion, p.Industry, District = District(p.District),
                        FirstDistrict = District(p.FirstDistrict), State = p.No == 10 ? "Terminated" : p.SignedOn is null ? "Negotiating" : "Signed",
                        OpenedAt = openedAt, OpenedOn = Day(p.OpenedOn), SignedOn = Day(p.SignedOn), p.Contracted,
                        RegisteredOn = Day(p.RegisteredOn), LandOn = Day(p.LandOn), StartedOn = Day(p.StartedOn), ProductionOn = Day(p.ProductionOn),
                    });
            }

            foreach (var f in StatisticsFixture.Reports)
                await system.Broker.PublishAsync(Guid.NewGuid(), new FundsVerified(
                    ids[f.Project], Guid.NewGuid(), f.AmountCny, f.AmountCny, f.ReportedOn, DateTimeOffset.UtcNow, f.Currency, f.Amount,
                    f.AmountUsd, f.Source, "FixedAssets"));
            await Eventually.AssertAsync(
                () => system.ScalarAsync<long>(system.Project, "SELECT count(*) FROM statistics_funds WHERE project_id = ANY (@ids)", new { ids = ids.Values.ToArray() }),
                count => count == StatisticsFixture.Reports.Length, "every verified report reached the statistics");
            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    /// <summary>A 400 whose errors name <paramref name="field"/>.</summary>
    /// <summary>2031 read by the caller grouped and ungrouped; the parts named must be the same to the byte.</summary>
    private async Task<(JsonElement Grouped, JsonElement Whole)> GroupedAsWholeAsync(Journey caller, string groupBy, params string[] sameParts)
    {
        await SeedAsync();
        var grouped = await caller.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/statistics?year=2031&groupBy={groupBy}");
        var whole = await caller.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/statistics?year=2031");
        foreach (var part in sameParts)
            Assert.Equal(whole.GetProperty(part).GetRawText(), grouped.GetProperty(part).GetRawText());
        return (grouped, whole);
    }

    private async Task ExpectFieldAsync(Journey caller, string path, string field)
    {
        var problem = await caller.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Get, path);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the 400 names '{field}': {problem}");
    }

    private static DateTime? Day(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static void AssertAmount(JsonElement amount, decimal yuan, decimal wan, decimal yi) =>
        Assert.Equal((yuan, wan, yi), (amount.GetProperty("yuan").GetDecimal(), amount.GetProperty("wan").GetDecimal(), amount.GetProperty("yi").GetDecimal()));

    private static void AssertRates(JsonElement figures, decimal signing, decimal start, decimal landing, decimal production, decimal funds)
    {
        var rates = figures.GetProperty("rates");
        Assert.Equal([signing, start, landing, production, funds],
            new[] { "signingRate", "startRate", "landingRate", "productionRate", "fundsInPlaceRate" }.Select(r => rates.GetProperty(r).GetDecimal()));
    }
}
