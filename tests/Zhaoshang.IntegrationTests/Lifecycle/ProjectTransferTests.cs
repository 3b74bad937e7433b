using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

[Collection(SystemCollection.Name)]
public class ProjectTransferTests(SystemFixture system)
{
    [Fact]
    public async Task A_transferred_project_keeps_its_history_and_the_first_district_keeps_its_credit()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (first, second) = ($"首谈区{suffix}", $"承接区{suffix}");
        var bureau = new Journey(system);
        var projectId = await bureau.SignedProjectAsync(200_000_000m, first);
        var firstStaff = new Journey(system, Tokens.For("district", district: first));
        var secondStaff = new Journey(system, Tokens.For("district", district: second));
        await secondStaff.ExpectAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/transfer",
            new { toDistrict = second, reason = "抢项目" });

        var moved = await firstStaff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/transfer",
            new { toDistrict = second, reason = "用地指标不足，移交承接区" });
        Assert.Equal(second, moved.GetProperty("district").GetString());
        Assert.Equal(first, moved.GetProperty("firstDistrict").GetString());
        Assert.Equal("Signed", moved.GetProperty("state").GetString());

        await firstStaff.ExpectAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        var timeline = await secondStaff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/timeline");
        Assert.Equal(["Negotiating", "Signed", "Signed"], timeline.EnumerateArray().Select(e => e.GetProperty("toState").GetString()));
        Assert.Contains("流转至", timeline[2].GetProperty("reason").GetString());
        await secondStaff.EventuallyAsync(system.Approval, $"/api/projects/{projectId}/approval-case", _ => true, "the case follows the project");
        await secondStaff.EventuallyAsync(system.Funding, $"/api/projects/{projectId}/ledger", _ => true, "the ledger follows the project");

        var credit = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={Uri.EscapeDataString(first)}");
        Assert.Equal(0, credit.GetProperty("projects").GetInt32());
        Assert.Equal(1, credit.GetProperty("firstNegotiatedTransferredOut").GetInt32());
        var now = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={Uri.EscapeDataString(second)}");
        Assert.Equal(1, now.GetProperty("signed").GetInt32());
    }
}
