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
        // staff change the project straight away, naming no version. The transferred ones go on moving between two
        // districts until both records are there, so some change is under way whenever one of those messages lands.
        var outcomes = await Task.WhenAll(projectIds.Select(async (projectId, n) =>
        {
            await bureau.SignAsync(projectId);
            var change = Changes[n % Changes.Length];
            var results = new List<(Guid ProjectId, string Change, HttpStatusCode Status, string Text)>();
            for (var round = 0; round < 40; round++)
            {
                using var response = await bureau.SendAsync(system.Project, HttpMethod.Post, $"/api/projects/{projectId}/{change}",
                    Body(change, round));
                var text = await response.Content.ReadAsStringAsync();
                results.Add((projectId, change, response.StatusCode, text));
                if (change != "transfer" || !response.IsSuccessStatusCode || Recorded(JsonDocument.Parse(text).RootElement))
                    break;
            }

            return results;
        }));

        Assert.All(outcomes.SelectMany(o => o),
            o => Assert.True(o.Status == HttpStatusCode.OK, $"{o.Change} {o.ProjectId}: {(int)o.Status} {o.Text}"));
        foreach (var projectId in projectIds)
        {
            await bureau.WaitForProjectAsync(projectId, Recorded, "the approval case and the funding ledger are recorded");
        }
    }

    [Fact]
    public async Task The_version_read_at_signing_stays_good_when_the_case_and_the_ledger_are_recorded()
    {
        var bureau = new Journey(system);
        var projectId = await bureau.StartProjectAsync();
        await bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        var version = (await bureau.SignAsync(projectId)).GetProperty("version").GetInt32();
        await bureau.WaitForProjectAsync(projectId, Recorded, "the approval case and the funding ledger are recorded");

        var registered = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/register",
            new { companyName = "云南版本测试有限公司", companyUscc = TestData.NewUscc(), version });

        Assert.Equal(version + 1, registered.GetProperty("version").GetInt32());
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

    private static bool Recorded(JsonElement project) =>
        project.GetProperty("approval").ValueKind == JsonValueKind.Object && project.GetProperty("funding").ValueKind == JsonValueKind.Object;

    private static object Body(string change, int round) => change switch
    {
        "transfer" => new { toDistrict = round % 2 == 0 ? "五华区" : Journey.District, reason = "用地指标调整" },
        "register" => new { companyName = "云南版本测试有限公司", companyUscc = TestData.NewUscc() },
        _ => new { reason = "企业内部调整" },
    };
}
