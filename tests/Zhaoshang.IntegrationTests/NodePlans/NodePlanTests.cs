using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.NodePlans;

/// <summary>
/// A project's node plan through the real services and messages: made at signing, its nodes completed by the project's
/// own steps and by the approval service's grants (in another order than planned), graded and announced on a moved clock.
/// </summary>
[Collection(SystemCollection.Name)]
public class NodePlanTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    private static readonly string[] Items =
    [
        "filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit", "real-estate-title",
        "engineering-planning-permit", "construction-permit",
    ];

    private Task<JsonElement> PlanAsync(Guid projectId, string? asOf = null) =>
        _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/nodes{(asOf is null ? "" : $"?asOf={asOf}")}");

    private static JsonElement Node(JsonElement plan, string code) =>
        plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == code);

    private static string Status(JsonElement plan, string code) => Node(plan, code).GetProperty("status").GetString()!;

    [Fact]
    public async Task The_plan_is_made_at_signing_and_land_first_then_approval_grants_in_reverse_complete_their_nodes()
    {
        var projectId = await _bureau.SignedProjectAsync();
        var plan = await PlanAsync(projectId);
        Assert.Equal("通用项目全周期", plan.GetProperty("template").GetString());
        Assert.Equal(12, plan.GetProperty("nodes").GetArrayLength());
        var signed = Node(plan, "signed");
        Assert.Equal(("done", "2026-11-20", "system"),
            (signed.GetProperty("status").GetString(), signed.GetProperty("completedOn").GetString(), signed.GetProperty("completedBy").GetString()));
        // 10 working days after signing on Friday 20 November 2026.
        Assert.Equal("2026-12-04", Node(plan, "registered").GetProperty("plannedOn").GetString());
        Assert.Equal("pending", Status(plan, "filing"));

        // Land before any approval (the plan has them the other way round), then the approval systems decide in reverse.
        await _bureau.RegisterAsync(projectId);
        await _bureau.AcquireLandAsync(projectId);
        var decidedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        foreach (var (code, i) in Items.Reverse().Select((c, i) => (c, i)))
        {
            var body = JsonSerializer.Serialize(new
            {
                decisionId = $"NODE-{projectId:N}-{code}", projectId, itemCode = code, outcome = "Granted", decidedAt = decidedAt.AddMinutes(i),
                projectCode = code == "filing" ? "2611-530181-04-01-765432" : null, remarks = (string?)null,
            });
            using var client = system.Client(system.Approval, token: null);
            using var response = await client.SendAsync(ApprovalSystem.SignedDecision(body));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        string[] byEvents = ["registered", "land", "filing", "eia", "energy-review", "land-pre-review", "planning-permit", "construction-permit", "construction-start"];
        var done = await _bureau.EventuallyAsync(system.Project, $"/api/projects/{projectId}/nodes",
            p => byEvents.All(code => Status(p, code) == "done"), "every event-fulfilled node completes from its message");
        Assert.All(byEvents, code => Assert.Equal("system", Node(done, code).GetProperty("completedBy").GetString()));
        Assert.Equal(["pending", "pending"], new[] { "production", "acceptance" }.Select(code => Status(done, code)));
        var history = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/nodes/history");
        Assert.Equal("plan created", history[0].GetProperty("action").GetString());
        Assert.Equal(1 + byEvents.Length + 1, history.GetArrayLength());   // the plan, each node once (signed included)
    }

    [Fact]
    public async Task A_node_turns_yellow_then_red_on_the_moved_clock_each_grade_is_raised_once_to_its_owner_and_completion_clears_it()
    {
        await using var clock = await system.ShiftClockAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        var projectId = await _bureau.SignedProjectAsync();
        var registered = Node(await PlanAsync(projectId), "registered");
        var nodeId = registered.GetProperty("id").GetGuid();
        var version = registered.GetProperty("version").GetInt32();
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, $"/api/projects/{projectId}/nodes/{nodeId}/owner",
            new { owner = "bureau", ownerName = "招商局", version = version + 1 });
        var owned = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/projects/{projectId}/nodes/{nodeId}/owner",
            new { owner = "bureau", ownerName = "招商局", version });
        var itemKey = $"node:{nodeId}";

        await system.ShiftClockAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        await Task.Delay(TimeSpan.FromSeconds(2.5));   // scans on a green day announce nothing
        Assert.Equal(0, await CountAsync("WarningRaised", "itemKey", itemKey));
        await system.ShiftClockAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        var yellow = await ExpectWarningAsync($"{itemKey}:2026-12-04:yellow");
        Assert.Equal(["bureau"], yellow.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        await system.ShiftClockAsync(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        await ExpectWarningAsync($"{itemKey}:2026-12-04:red");
        await Task.Delay(TimeSpan.FromSeconds(2.5));   // more scans raise nothing again
        Assert.Equal(2, await CountAsync("WarningRaised", "itemKey", itemKey));

        var warnings = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/node-warnings?owner=bureau&grade=red&pageSize=200");
        Assert.Contains(warnings.GetProperty("items").EnumerateArray(), i => i.GetProperty("node").GetProperty("id").GetGuid() == nodeId);
        var mine = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/me/nodes?asOf=2026-12-01");
        Assert.Equal("yellow", mine.EnumerateArray().Single(i => i.GetProperty("node").GetProperty("id").GetGuid() == nodeId)
            .GetProperty("node").GetProperty("grade").GetString());

        var problem = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Post,
            $"/api/projects/{projectId}/nodes/{nodeId}/completion", new { completedOn = "2026-12-07", version = owned.GetProperty("version").GetInt32() });
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/nodes/{nodeId}/completion",
            new { completedOn = "2026-12-07", note = "营业执照已领取（统一社会信用代码已登记）", version = owned.GetProperty("version").GetInt32() });
        await Eventually.AssertAsync(() => CountAsync("WarningCleared", "itemKey", itemKey), count => count == 1, "completion clears the warnings");
        Assert.Equal("red", Node(await PlanAsync(projectId, "2026-12-06"), "registered").GetProperty("grade").GetString());
        Assert.Equal("done", Node(await PlanAsync(projectId, "2026-12-07"), "registered").GetProperty("status").GetString());

        // Open on a day means not completed by then: the day before completion still lists it, the day itself does not.
        Assert.True(ListsNode(await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            "/api/node-warnings?asOf=2026-12-06&owner=bureau&grade=red&pageSize=200"), nodeId));
        Assert.False(ListsNode(await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            "/api/node-warnings?owner=bureau&pageSize=200"), nodeId));
        Assert.Contains((await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/me/nodes?asOf=2026-12-06")).EnumerateArray(),
            i => i.GetProperty("node").GetProperty("id").GetGuid() == nodeId);
        Assert.DoesNotContain((await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/me/nodes")).EnumerateArray(),
            i => i.GetProperty("node").GetProperty("id").GetGuid() == nodeId);
    }

    [Fact]
    public async Task My_nodes_are_those_I_own_and_the_open_nodes_of_the_plans_I_lead()
    {
        var projectId = await _bureau.SignedProjectAsync();
        var plan = await PlanAsync(projectId);
        var filing = Node(plan, "filing").GetProperty("id").GetGuid();
        Assert.DoesNotContain((await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/me/nodes")).EnumerateArray(),
            i => i.GetProperty("node").GetProperty("id").GetGuid() == filing);   // nobody owns it yet

        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/projects/{projectId}/nodes/responsibility",
            new { leader = "bureau", leaderName = "招商局局长", department = "招商局", version = plan.GetProperty("version").GetInt32() });
        var mine = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/me/nodes");
        Assert.Contains(mine.EnumerateArray(), i => i.GetProperty("node").GetProperty("id").GetGuid() == filing);
    }

    private static bool ListsNode(JsonElement page, Guid nodeId) =>
        page.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("node").GetProperty("id").GetGuid() == nodeId);

    private async Task<JsonElement> ExpectWarningAsync(string warningKey)
    {
        var body = await Eventually.AssertAsync(
            () => system.ScalarAsync<string?>(system.Project,
                "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.WarningRaised' AND body->>'warningKey' = @warningKey AND sent_at IS NOT NULL",
                new { warningKey }),
            b => b is not null, $"the scanner raises {warningKey} and the broker takes it");
        return JsonDocument.Parse(body!).RootElement.Clone();
    }

    private Task<int> CountAsync(string type, string field, string value) =>
        system.ScalarAsync<int>(system.Project,
            $"SELECT count(*)::int FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.{type}' AND body->>'{field}' = @value",
            new { value });
}
