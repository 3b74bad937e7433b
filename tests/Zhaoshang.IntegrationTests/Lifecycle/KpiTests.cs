using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.IntegrationTests.Lifecycle;

/// <summary>GET /api/kpis over the hand-computed 22-project fixture, stored in the project database.</summary>
[Collection(SystemCollection.Name)]
public class KpiTests(SystemFixture system)
{
    [Fact]
    public async Task The_kpis_match_the_hand_computed_fixture()
    {
        // Project 14 (signed in 2025) is left out: the figures below are asked for without a year.
        var districts = await StoreFixtureAsync(p => p.No != 14);

        var bureau = new Journey(system);
        var a = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={Uri.EscapeDataString(districts["A"])}");
        Assert.Equal(14, a.GetProperty("projects").GetInt32());
        Assert.Equal(3, a.GetProperty("byStage").GetProperty("UnderConstruction").GetInt32());
        Assert.Equal(12, a.GetProperty("signed").GetInt32());
        Assert.Equal(9, a.GetProperty("registered").GetInt32());
        Assert.Equal(5, a.GetProperty("started").GetInt32());
        Assert.Equal(0.4167m, a.GetProperty("startRate").GetDecimal());
        Assert.Equal(0.75m, a.GetProperty("landingRate").GetDecimal());
        AssertDays(a.GetProperty("signingToStart"), 5, 120m, 144);
        AssertDays(a.GetProperty("landToStart"), 5, 0m, 10);
        Assert.Equal(3, a.GetProperty("startedOnLandDay").GetInt32());
        Assert.Equal(1, a.GetProperty("firstNegotiatedTransferredOut").GetInt32());
        Assert.Equal(5, a.GetProperty("stuck").GetProperty("count").GetInt32());
        Assert.Equal([266, 205, 174, 174, 134], StuckDays(a));

        var b = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={Uri.EscapeDataString(districts["B"])}");
        Assert.Equal(7, b.GetProperty("projects").GetInt32());        // 15–21
        Assert.Equal(5, b.GetProperty("signed").GetInt32());          // 15, 17, 18, 19, 20
        Assert.Equal(3, b.GetProperty("started").GetInt32());         // 15, 18, 19
        Assert.Equal(0.6m, b.GetProperty("startRate").GetDecimal());
        AssertDays(b.GetProperty("signingToStart"), 3, 96m, 153);    // 61, 96, 153
        AssertDays(b.GetProperty("landToStart"), 3, 0m, 4);          // 0, 0, 4
        Assert.Equal(2, b.GetProperty("startedOnLandDay").GetInt32());
        Assert.Equal([113, 109], StuckDays(b));

        var districtStaff = new Journey(system, Tokens.For("district", district: districts["B"]));
        var own = await districtStaff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/kpis");
        Assert.Equal(7, own.GetProperty("projects").GetInt32());
        await districtStaff.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Get,
            $"/api/kpis?district={Uri.EscapeDataString(districts["A"])}");
    }

    [Fact]
    public async Task The_stuck_are_all_counted_the_longest_listed_and_a_year_counts_the_projects_signed_or_opened_in_it()
    {
        var districts = await StoreFixtureAsync(_ => true);
        var a = Uri.EscapeDataString(districts["A"]);
        var bureau = new Journey(system);

        var two = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={a}&stuckLimit=2");
        Assert.Equal(15, two.GetProperty("projects").GetInt32());
        Assert.Equal(13, two.GetProperty("signed").GetInt32());
        Assert.Equal(6, two.GetProperty("stuck").GetProperty("count").GetInt32()); // 2, 4, 5, 8, 9 and 14 (356 days)
        Assert.Equal([356, 266], StuckDays(two));
        Assert.Equal("指标项目14", Longest(two)[0].GetProperty("enterpriseName").GetString());

        // Every open A project entered its stage more than 30 days ago; a limit of 0 counts them without a list.
        var month = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={a}&stuckAfterDays=30&stuckLimit=0");
        Assert.Equal(12, month.GetProperty("stuck").GetProperty("count").GetInt32());
        Assert.Empty(StuckDays(month));
        var byDefault = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={a}&stuckAfterDays=30");
        Assert.Equal(12, StuckDays(byDefault).Length);

        // The dates move with today, so the year of each is worked out here: signed, else opened (created).
        var shift = Journey.Today.DayNumber - KpiFixture.Today.DayNumber;
        foreach (var year in new[] { KpiFixture.Projects.Single(p => p.No == 14).SignedOn!.Value.AddDays(shift).Year, Journey.Today.Year })
        {
            var cohort = KpiFixture.Projects.Where(p => p.District == "A" && (p.SignedOn ?? p.CreatedOn).AddDays(shift).Year == year).ToList();
            var inYear = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={a}&year={year}");
            Assert.Equal(cohort.Count, inYear.GetProperty("projects").GetInt32());
            Assert.Equal(cohort.Count(p => p.SignedOn is not null), inYear.GetProperty("signed").GetInt32());
            Assert.Equal(cohort.Count(p => p.StartedOn is not null), inYear.GetProperty("started").GetInt32());
        }

        foreach (var (query, field) in new[] { ("stuckLimit=201", "stuckLimit"), ("stuckLimit=-1", "stuckLimit"), ("stuckAfterDays=36501", "stuckAfterDays") })
        {
            var problem = await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Get, $"/api/kpis?{query}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    /// <summary>
    /// Stores the fixture's projects (those <paramref name="include"/> keeps) in two fresh districts, which keep other
    /// tests' projects out; every date moves with today so "stuck" days hold. Returns the districts' names by A and B.
    /// </summary>
    private async Task<Dictionary<string, string>> StoreFixtureAsync(Func<KpiFixture.Row, bool> include)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var districts = new Dictionary<string, string> { ["A"] = $"指标甲区{suffix}", ["B"] = $"指标乙区{suffix}" };
        var shift = Journey.Today.DayNumber - KpiFixture.Today.DayNumber;
        DateTime? Shift(DateOnly? day) => day?.AddDays(shift).ToDateTime(TimeOnly.MinValue);
        DateTimeOffset Noon(DateOnly day) => new(day.AddDays(shift).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

        foreach (var p in KpiFixture.Projects.Where(include))
        {
            await system.ExecuteAsync(system.Project,
                """
                INSERT INTO projects (id, intent_id, enterprise_id, enterprise_name, industry, intended_investment, district,
                                      first_district, state, state_entered_at, signed_on, company_name, land_acquired_on,
                                      construction_started_on, created_at, updated_at, opened_on)
                VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), @Name, '装备制造', 100000000, @District,
                        @FirstDistrict, @State, @StateEnteredAt, @SignedOn::date, @Company, @LandOn::date, @StartedOn::date, @CreatedAt, @CreatedAt,
                        (@CreatedAt::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
                """,
                new
                {
                    Name = $"指标项目{p.No}", District = districts[p.District], FirstDistrict = districts[p.FirstDistrict], p.State,
                    StateEnteredAt = Noon(p.StateEnteredOn), SignedOn = Shift(p.SignedOn), p.Company, LandOn = Shift(p.LandOn),
                    StartedOn = Shift(p.StartedOn), CreatedAt = Noon(p.CreatedOn),
                });
        }

        return districts;
    }

    private static JsonElement[] Longest(JsonElement kpis) => kpis.GetProperty("stuck").GetProperty("longest").EnumerateArray().ToArray();

    private static int[] StuckDays(JsonElement kpis) => Longest(kpis).Select(s => s.GetProperty("days").GetInt32()).ToArray();

    private static void AssertDays(JsonElement summary, int count, decimal median, int worst)
    {
        Assert.Equal(count, summary.GetProperty("count").GetInt32());
        Assert.Equal(median, summary.GetProperty("median").GetDecimal());
        Assert.Equal(worst, summary.GetProperty("worst").GetInt32());
    }
}
