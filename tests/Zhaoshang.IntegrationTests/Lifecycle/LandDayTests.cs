using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

/// <summary>拿地即开工 and 四证齐发, with decisions coming from the approval systems by webhook and by message.</summary>
[Collection(SystemCollection.Name)]
public class LandDayTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    private static readonly string[] Items =
    [
        "filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit", "real-estate-title",
        "engineering-planning-permit", "construction-permit",
    ];

    private async Task<(HttpStatusCode Status, JsonElement Receipt)> DecideAsync(
        Guid projectId, string itemCode, string decisionId, DateTimeOffset decidedAt, string outcome = "Granted", string? remarks = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            decisionId, projectId, itemCode, outcome, decidedAt,
            projectCode = itemCode == "filing" ? "2611-530181-04-01-654321" : null, remarks,
        });
        using var client = system.Client(system.Approval, token: null);
        using var response = await client.SendAsync(ApprovalSystem.SignedDecision(body));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Approvals_granted_out_of_order_and_twice_let_construction_start_the_day_the_land_is_acquired()
    {
        var projectId = await _bureau.SignedProjectAsync(1_200_000_000.00m);
        var approvalCase = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/projects/{projectId}/approval-case");
        Assert.Equal("MajorProject", approvalCase.GetProperty("case").GetProperty("greenChannel").GetString());
        Assert.True(approvalCase.GetProperty("case").GetProperty("agentService").GetBoolean());
        var eia = approvalCase.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "eia-form");
        Assert.Equal(15, eia.GetProperty("limitWorkingDays").GetInt32()); // 30 working days halved on the green channel
        Assert.Equal("Open", eia.GetProperty("status").GetString());

        // The approval systems decide in reverse order of the prerequisites, and deliver every decision twice.
        var decidedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        foreach (var (code, i) in Items.Reverse().Select((c, i) => (c, i)))
        {
            var decisionId = $"TZXM-{projectId:N}-{code}";
            var first = await DecideAsync(projectId, code, decisionId, decidedAt.AddMinutes(i));
            Assert.Equal(HttpStatusCode.Accepted, first.Status);
            // An item still waiting for its prerequisites takes its decision the moment it opens.
            Assert.Contains(first.Receipt.GetProperty("status").GetString(), new[] { "Applied", "Parked" });
            var again = await DecideAsync(projectId, code, decisionId, decidedAt.AddMinutes(i));
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.True(again.Receipt.GetProperty("duplicate").GetBoolean());
        }

        // A decision older than the item's current one is recorded and ignored.
        var stale = await DecideAsync(projectId, "filing", $"TZXM-{projectId:N}-stale", decidedAt.AddMinutes(-5), "Rejected");
        Assert.Equal("Ignored", stale.Receipt.GetProperty("status").GetString());
        Assert.All(await _bureau.ItemStatusesAsync(projectId), i => Assert.Equal("Granted", i.Value));
        var ready = await _bureau.WaitForProjectAsync(projectId,
            p => p.GetProperty("preLandApprovalsCompletedOn").ValueKind == JsonValueKind.String, "the pre-land approvals are complete");
        Assert.Equal("Signed", ready.GetProperty("state").GetString());

        await _bureau.RegisterAsync(projectId);
        var landed = await _bureau.AcquireLandAsync(projectId);
        Assert.Equal("LandAcquired", landed.GetProperty("state").GetString());

        var started = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "UnderConstruction",
            "construction starts on land day (拿地即开工)");
        var landDay = started.GetProperty("land").GetProperty("acquiredOn").GetString();
        Assert.Equal(Journey.Today.ToString("yyyy-MM-dd"), landDay);
        Assert.Equal(landDay, started.GetProperty("constructionStartedOn").GetString());
        Assert.Equal(landDay, started.GetProperty("constructionPermitIssuedOn").GetString());
        var items = await _bureau.ItemStatusesAsync(projectId);
        Assert.Equal(["Issued", "Issued", "Issued", "Issued"],
            new[] { "land-planning-permit", "real-estate-title", "engineering-planning-permit", "construction-permit" }.Select(c => items[c]));

        // A production day entered after the fact may not come before construction started.
        var early = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/go-live",
            new { on = Journey.Today.AddDays(-1) });
        Assert.Contains(landDay!, early.GetProperty("errors").GetProperty("on")[0].GetString());
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/go-live", new { });
        var timeline = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/timeline");
        Assert.Equal(
            ["→Negotiating", "Negotiating→Signed", "Signed→Registered", "Registered→LandAcquired", "LandAcquired→UnderConstruction", "UnderConstruction→InProduction"],
            timeline.EnumerateArray().Select(e => $"{e.GetProperty("fromState").GetString()}→{e.GetProperty("toState").GetString()}"));
        Assert.All(timeline.EnumerateArray(), e => Assert.Equal(32, e.GetProperty("traceId").GetString()!.Length));
    }

    [Fact]
    public async Task A_late_approval_keeps_the_project_waiting_on_its_land_until_the_decision_arrives_by_message()
    {
        var projectId = await _bureau.SignedProjectAsync(50_000_000.00m);
        foreach (var code in Items.Where(c => c != "eia-form"))
        {
            await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Post,
                $"/api/projects/{projectId}/approval-case/items/{code}/grant");
        }

        await _bureau.RegisterAsync(projectId);
        await _bureau.AcquireLandAsync(projectId);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the land message is processed; nothing may start yet
        var waiting = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        Assert.Equal("LandAcquired", waiting.GetProperty("state").GetString());
        Assert.Contains("用地前审批", waiting.GetProperty("nextStep").GetString());
        Assert.Equal("Granted", (await _bureau.ItemStatusesAsync(projectId))["construction-permit"]);

        // The EIA authority's system publishes its decision to RabbitMQ as plain JSON, the way any AMQP client can, as its
        // own broker user.
        var messageId = Guid.NewGuid().ToString();
        await system.Broker.PublishRawAsync("Zhaoshang.Contracts:ApprovalDecisionReported", messageId, $$"""
            {
              "messageId": "{{messageId}}",
              "messageType": ["urn:message:Zhaoshang.Contracts:ApprovalDecisionReported"],
              "message": {
                "system": "yunnan-eia",
                "decisionId": "EIA-{{projectId:N}}",
                "projectId": "{{projectId}}",
                "itemCode": "eia-form",
                "outcome": "Granted",
                "decidedAt": "{{DateTimeOffset.UtcNow:O}}",
                "remarks": "环评报告表批复"
              }
            }
            """, TestEnvironment.SystemBrokerUser(ApprovalSystem.Throttled));

        var started = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "UnderConstruction",
            "construction starts the moment the last approval is granted");
        Assert.Equal(Journey.Today.ToString("yyyy-MM-dd"), started.GetProperty("constructionStartedOn").GetString());
        Assert.Equal("Issued", (await _bureau.ItemStatusesAsync(projectId))["construction-permit"]);
    }

    [Fact]
    public async Task A_returned_item_stalls_the_project_until_staff_resume_it()
    {
        var projectId = await _bureau.SignedProjectAsync(80_000_000m);
        await DecideAsync(projectId, "eia-form", $"EIA-{projectId:N}-return", DateTimeOffset.UtcNow, "Returned", "环评材料不全，退回补正");

        var stalled = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Stalled", "the project stalls");
        Assert.Contains("环境影响报告表审批", stalled.GetProperty("stateReason").GetString());
        Assert.Contains("退回补正", stalled.GetProperty("stateReason").GetString());
        Assert.Equal("Signed", stalled.GetProperty("stalledFrom").GetString());

        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/register",
            new { companyName = "停滞中注册", companyUscc = TestData.NewUscc() });
        var resumed = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/resume",
            new { reason = "已补正材料重新申报" });
        Assert.Equal("Signed", resumed.GetProperty("state").GetString());
        var timeline = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/timeline");
        Assert.Equal(["Negotiating", "Signed", "Stalled", "Signed"], timeline.EnumerateArray().Select(e => e.GetProperty("toState").GetString()));
    }
}
