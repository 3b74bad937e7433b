using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

/// <summary>Issue 21: a staff change that names no version is never refused because a message touched the project meanwhile.</summary>
[Collection(SystemCollection.Name)]
public class VersionlessChangeTests(SystemFixture system)
{
    private static readonly string[] Changes = ["transfer", "register", "stall"];

    [Fact]
    public async Task Projects_changed_at_once_after_signing_are_not_refused_while_the_signings_messages_land()
    {
        var bureau = new Journey(system);
        var projectIds = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            var projectId = await bureau.StartProjectAsync();
            await bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
            return projectId;
        }));

        // Each signing makes the approval and funding services open their records and tell the project service, while
        // staff change the project straight away, naming no version.
        var outcomes = await Task.WhenAll(projectIds.Select(async (projectId, n) =>
        {
            await bureau.SignAsync(projectId);
            var change = Changes[n % Changes.Length];
            using var response = await bureau.SendAsync(system.Project, HttpMethod.Post, $"/api/projects/{projectId}/{change}", Body(change));
            return (projectId, change, response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(outcomes, o => Assert.True(o.StatusCode == HttpStatusCode.OK, $"{o.change} {o.projectId}: {(int)o.StatusCode} {o.Text}"));
        foreach (var projectId in projectIds)
        {
            await bureau.WaitForProjectAsync(projectId,
                p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
                "the approval case and the funding ledger are recorded");
        }
    }

    [Fact]
    public async Task A_change_that_names_a_stale_version_is_still_refused()
    {
        var bureau = new Journey(system);
        var projectId = await bureau.SignedProjectAsync();
        var read = (await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}"))
            .GetProperty("version").GetInt32();
        await bureau.RegisterAsync(projectId);

        var problem = await bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/stall",
            new { reason = "企业内部调整", version = read });

        Assert.Contains("changed meanwhile", problem.GetProperty("title").GetString());
        var project = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        Assert.Equal("Registered", project.GetProperty("state").GetString());
    }

    private static object Body(string change) => change switch
    {
        "transfer" => new { toDistrict = "五华区", reason = "用地指标调整" },
        "register" => new { companyName = "云南版本测试有限公司", companyUscc = TestData.NewUscc() },
        _ => new { reason = "企业内部调整" },
    };
}
