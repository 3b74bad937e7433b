using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lead;

/// <summary>The bureau's lead pipeline over HTTP, from the target list to a project in the project service.</summary>
[Collection(SystemCollection.Name)]
public class LeadPipelineTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    [Fact]
    public async Task From_target_enterprise_through_event_follow_ups_and_task_team_to_a_project()
    {
        var chain = $"绿色硅-{Guid.NewGuid():N}"[..12];
        var uscc = TestData.NewUscc();
        var enterprise = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = "合盛硅业（曲靖）", uscc, hqRegion = "长三角", industryChain = chain, chainRole = "Supplier", priority = "B",
        });
        var enterpriseId = enterprise.GetProperty("id").GetGuid();

        var gaps = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/industry-chains/{chain}");
        Assert.Equal(["ChainLeader"], gaps.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()));

        var updated = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, $"/api/enterprises/{enterpriseId}", new
        {
            name = "合盛硅业（曲靖）有限公司", uscc, hqRegion = "长三角", industryChain = chain, chainRole = "ChainLeader", priority = "A",
            version = 1,
        });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Put, $"/api/enterprises/{enterpriseId}", new
        {
            name = "过期版本", uscc, hqRegion = "长三角", industryChain = chain, chainRole = "Supplier", priority = "C", version = 1,
        });
        gaps = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/industry-chains/{chain}");
        Assert.Equal(["Supplier"], gaps.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()));

        var found = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get,
            $"/api/enterprises?name={Uri.EscapeDataString("合盛硅业")}&industryChain={Uri.EscapeDataString(chain)}&priority=A&sort=-name");
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        Assert.Equal(enterpriseId, found.GetProperty("items")[0].GetProperty("id").GetGuid());

        var promotion = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events", new
        {
            title = "曲靖市赴长三角招商推介会", type = "Conference", region = "长三角", startsOn = "2026-05-16", endsOn = "2026-05-18",
            leader = "曲靖市人民政府主要领导", major = true, summary = "推介绿色硅光伏产业链",
        });
        var eventId = promotion.GetProperty("id").GetGuid();

        var intent = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId, sourceEventId = eventId, industry = "绿色硅", intendedInvestment = 6_000_000_000.00m,
            district = Journey.District, receivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)),
        });
        var intentId = intent.GetProperty("id").GetGuid();
        Assert.Equal(eventId, intent.GetProperty("sourceEventId").GetGuid());

        var problem = await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/qualify", new { });
        Assert.Equal("New", problem.GetProperty("currentState").GetString());

        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, $"/api/intents/{intentId}/task-team", new
        {
            leadOfficial = "曲靖市副市长", members = new[] { "市投资促进局局长", "麒麟区区长" }, department = "曲靖市投资促进局",
        });
        await _bureau.QualifyAsync(intentId);
        var followUps = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}/follow-ups");
        Assert.Equal("VisitOut", followUps[0].GetProperty("kind").GetString());

        var projectId = await _bureau.ConvertAsync(intentId);
        var project = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project arrives");
        Assert.Equal(enterpriseId, project.GetProperty("enterpriseId").GetGuid());
        Assert.Equal("合盛硅业（曲靖）有限公司", project.GetProperty("enterpriseName").GetString());
        Assert.Equal(uscc, project.GetProperty("enterpriseUscc").GetString());
        Assert.Equal(6_000_000_000.00m, project.GetProperty("intendedInvestment").GetDecimal());
        Assert.Equal(Journey.District, project.GetProperty("firstDistrict").GetString());
        Assert.Equal("曲靖市副市长", project.GetProperty("taskTeam").GetProperty("leadOfficial").GetString());
        Assert.Equal(2, project.GetProperty("taskTeam").GetProperty("members").GetArrayLength());

        var listed = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get,
            $"/api/intents?enterpriseId={enterpriseId}&status=Converted");
        Assert.Equal(intentId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Quarters_without_a_major_event_are_reported()
    {
        var year = 2031 + Random.Shared.Next(60);
        foreach (var (startsOn, major) in new[] { ($"{year}-02-10", true), ($"{year}-05-20", false), ($"{year}-11-03", true) })
        {
            await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events", new
            {
                title = $"招商活动 {startsOn}", type = "OutboundTrip", region = "粤港澳大湾区", startsOn, leader = "市领导", major,
            });
        }

        var coverage = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/events/quarters-without-major-event?year={year}");
        Assert.Equal([2, 3], coverage.GetProperty("quartersWithoutMajorEvent").EnumerateArray().Select(q => q.GetInt32()));
        var secondQuarter = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/events?year={year}&quarter=2");
        Assert.Equal(1, secondQuarter.GetProperty("total").GetInt64());
        var bad = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Get, $"/api/events?quarter=5&pageSize=1000");
        Assert.Equal(["pageSize", "quarter", "year"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }
}
