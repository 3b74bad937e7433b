using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

[Collection(SystemCollection.Name)]
public class ConcurrencyTests(SystemFixture system)
{
    [Fact]
    public async Task Of_concurrent_conflicting_transitions_one_wins_and_the_timeline_shows_one()
    {
        var bureau = new Journey(system);
        var projectId = await bureau.SignedProjectAsync();
        var version = (await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}"))
            .GetProperty("version").GetInt32();

        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(async n =>
        {
            using var response = await bureau.SendAsync(system.Project, HttpMethod.Post, $"/api/projects/{projectId}/register",
                new { companyName = $"竞争注册公司{n}", companyUscc = TestData.NewUscc(), version });
            return (n, response.StatusCode);
        }));

        var winner = Assert.Single(attempts, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(attempts.Where(a => a != winner), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var project = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        Assert.Equal($"竞争注册公司{winner.n}", project.GetProperty("companyName").GetString());
        var timeline = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/timeline");
        Assert.Single(timeline.EnumerateArray(), e => e.GetProperty("toState").GetString() == "Registered");
    }
}
