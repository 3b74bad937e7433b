using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.NodePlans;

/// <summary>Re-planning a node over HTTP: the open nodes that hang on it move with it, each kept in the history with the reason.</summary>
[Collection(SystemCollection.Name)]
public class NodeReplanTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    private static JsonElement Node(JsonElement plan, string code) =>
        plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == code);

    private static DateOnly Planned(JsonElement plan, string code) => DateOnly.Parse(Node(plan, code).GetProperty("plannedOn").GetString()!);

    [Fact]
    public async Task Land_replanned_later_carries_the_permit_the_start_and_what_follows_and_leaves_the_approvals_before_it()
    {
        var projectId = await _bureau.SignedProjectAsync();
        var path = $"/api/projects/{projectId}/nodes";
        var before = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, path);
        var land = Node(before, "land");
        var later = Planned(before, "land").AddDays(28);
        var landId = land.GetProperty("id").GetGuid();
        var version = land.GetProperty("version").GetInt32();

        var missing = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Post, $"{path}/{landId}/replan",
            new { plannedOn = later, version });
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
        const string Reason = "土地收储延期，出让推迟四周";
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"{path}/{landId}/replan",
            new { plannedOn = later, reason = Reason, version });
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Post, $"{path}/{landId}/replan",
            new { plannedOn = later.AddDays(7), reason = Reason, version });

        var after = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, path);
        Assert.Equal(later, Planned(after, "land"));
        string[] followers = ["construction-permit", "construction-start", "production", "acceptance"];
        foreach (var code in followers)
            Assert.True(Planned(after, code) > Planned(before, code), $"{code} moved with the land: {Planned(before, code)} → {Planned(after, code)}");
        Assert.True(Planned(after, "construction-permit") > later);
        foreach (var code in new[] { "registered", "filing", "eia", "planning-permit" })
            Assert.Equal(Planned(before, code), Planned(after, code));

        var history = (await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"{path}/history"))
            .EnumerateArray().Where(h => h.GetProperty("reason").GetString() == Reason).Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, history.Count(a => a == "replanned"));
        Assert.Equal(followers.Length, history.Count(a => a == "moved with its anchor"));
    }
}
