using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

/// <summary>No approval dead-ends: a rejected item stalls the project, and after 补正 it is resubmitted and the flow reaches 拿地即开工.</summary>
[Collection(SystemCollection.Name)]
public class ApprovalResubmissionTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    private static readonly string[] Items =
    [
        "filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit", "real-estate-title",
        "engineering-planning-permit", "construction-permit",
    ];

    private string ItemPath(Guid projectId, string code, string action) => $"/api/projects/{projectId}/approval-case/items/{code}/{action}";

    [Fact]
    public async Task A_rejected_item_stalls_the_project_and_once_resubmitted_the_project_resumes_and_starts_on_land_day()
    {
        var projectId = await _bureau.SignedProjectAsync(80_000_000m);
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Post, ItemPath(projectId, "eia-form", "reject"),
            new { reason = "选址位于饮用水水源保护区" });

        var stalled = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Stalled",
            "the project stalls on the rejected item");
        Assert.Contains("环境影响报告表审批", stalled.GetProperty("stateReason").GetString());
        Assert.Contains("饮用水水源保护区", stalled.GetProperty("stateReason").GetString());

        var refused = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Approval, HttpMethod.Post,
            ItemPath(projectId, "eia-form", "resubmit"), new { reason = "" });
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        var reopened = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Post,
            ItemPath(projectId, "eia-form", "resubmit"), new { reason = "调整选址后补正重新申报" });
        Assert.Equal("Open", reopened.GetProperty("status").GetString());
        Assert.Equal(2, reopened.GetProperty("submission").GetInt32());
        var history = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get,
            $"/api/projects/{projectId}/approval-case/items/eia-form/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("action").GetString() == "resubmitted");
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Approval, HttpMethod.Post,
            ItemPath(projectId, "eia-form", "resubmit"), new { reason = "再次申报" });

        var resumed = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/resume",
            new { reason = "环评已补正重新申报" });
        Assert.Equal("Signed", resumed.GetProperty("state").GetString());
        foreach (var code in Items)
            await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Post, ItemPath(projectId, code, "grant"));
        await _bureau.WaitForProjectAsync(projectId,
            p => p.GetProperty("preLandApprovalsCompletedOn").ValueKind == JsonValueKind.String, "the pre-land approvals are complete");

        await _bureau.RegisterAsync(projectId);
        await _bureau.AcquireLandAsync(projectId);
        var started = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "UnderConstruction",
            "construction starts on land day (拿地即开工)");
        Assert.Equal(Journey.Today.ToString("yyyy-MM-dd"), started.GetProperty("constructionStartedOn").GetString());
    }
}
