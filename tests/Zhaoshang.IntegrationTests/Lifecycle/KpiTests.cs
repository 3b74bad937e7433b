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
        // Fresh district names keep other tests' projects out; every date moves with today so "stuck" days hold.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var districts = new Dictionary<string, string> { ["A"] = $"指标甲区{suffix}", ["B"] = $"指标乙区{suffix}" };
        var shift = Journey.Today.DayNumber - KpiFixture.Today.DayNumber;
        DateTime? Shift(DateOnly? day) => day?.AddDays(shift).ToDateTime(TimeOnly.MinValue);
        DateTimeOffset Noon(DateOnly day) => new(day.AddDays(shift).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

        // Project 14 (signed in 2025) is left out: the figures below are asked for without a year.
        foreach (var p in KpiFixture.Projects.Where(p => p.No != 14))
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
        Assert.Equal([266, 205, 174, 174, 134], a.GetProperty("stuck").EnumerateArray().Select(s => s.GetProperty("days").GetInt32()));

        var b = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={Uri.EscapeDataString(districts["B"])}");
        Assert.Equal(7, b.GetProperty("projects").GetInt32());        // 15–21
        Assert.Equal(5, b.GetProperty("signed").GetInt32());          // 15, 17, 18, 19, 20
        Assert.Equal(3, b.GetProperty("started").GetInt32());         // 15, 18, 19
        Assert.Equal(0.6m, b.GetProperty("startRate").GetDecimal());
        AssertDays(b.GetProperty("signingToStart"), 3, 96m, 153);    // 61, 96, 153
        AssertDays(b.GetProperty("landToStart"), 3, 0m, 4);          // 0, 0, 4
        Assert.Equal(2, b.GetProperty("startedOnLandDay").GetInt32());
        Assert.Equal([113, 109], b.GetProperty("stuck").EnumerateArray().Select(s => s.GetProperty("days").GetInt32()));

        var districtStaff = new Journey(system, Tokens.For("district", district: districts["B"]));
        var own = await districtStaff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/kpis");
        Assert.Equal(7, own.GetProperty("projects").GetInt32());
        await districtStaff.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Get,
            $"/api/kpis?district={Uri.EscapeDataString(districts["A"])}");
    }

    private static void AssertDays(JsonElement summary, int count, decimal median, int worst)
    {
        Assert.Equal(count, summary.GetProperty("count").GetInt32());
        Assert.Equal(median, summary.GetProperty("median").GetDecimal());
        Assert.Equal(worst, summary.GetProperty("worst").GetInt32());
    }
}
