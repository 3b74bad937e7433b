using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Project.Lifecycle;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>The project's version: what the events carry so others can order them, and what staff send (issue 21).</summary>
[Collection(ProjectCollection.Name)]
public sealed class ProjectVersionTests
{
    private readonly ProjectDatabase _fixture;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ProjectDesk _desk;

    public ProjectVersionTests(ProjectDatabase fixture)
    {
        _fixture = fixture;
        _desk = new ProjectDesk(fixture.Db, _clock);
    }

    [Fact]
    public async Task Every_published_change_carries_the_next_version_and_events_of_one_change_share_it()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.LandAcquired);
        await ProjectDesk.OkAsync(TransferAsync(projectId, new TransferRequest("五华区", "用地调整", null), ProjectDesk.Bureau, _fixture.Db.Database, _clock, default));

        // Events of one transaction have no order among themselves; by version, then name.
        var published = (await _desk.PublishedAsync(projectId))
            .Where(e => e.Body.TryGetProperty("projectVersion", out _))
            .Select(e => (Version: e.Body.GetProperty("projectVersion").GetInt32(), e.Type))
            .OrderBy(e => e.Version).ThenBy(e => e.Type, StringComparer.Ordinal)
            .Select(e => $"{e.Version}:{e.Type}").ToList();

        Assert.Equal(
            [$"2:{nameof(ProjectSigned)}", $"2:{nameof(ProjectStateChanged)}", $"3:{nameof(ProjectStateChanged)}",
             $"4:{nameof(ProjectLandAcquired)}", $"4:{nameof(ProjectStateChanged)}", $"5:{nameof(ProjectTransferred)}"],
            published);
        Assert.Equal(5, (await _desk.ViewAsync(projectId)).Version);
    }

    [Fact]
    public async Task What_other_services_report_leaves_the_version_staff_send()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.Registered);
        var version = (await _desk.ViewAsync(projectId)).Version;

        await ProjectConsumers.All(_fixture.Db, _clock).DeliverAllAsync([
            Delivery.Of(new ApprovalCaseOpened(projectId, Guid.CreateVersion7(), 7, _clock.Now)),
            Delivery.Of(new FundingLedgerOpened(projectId, Guid.CreateVersion7(), 200_000_000m, _clock.Now)),
            Delivery.Of(new FundsVerified(projectId, Guid.CreateVersion7(), 1_000_000m, 1_000_000m, _desk.Today, _clock.Now)),
            Delivery.Of(new PreLandApprovalsCompleted(projectId, Guid.CreateVersion7(), _clock.Now, 6)),
        ]);

        Assert.Equal(version, (await _desk.ViewAsync(projectId)).Version);
        await ProjectDesk.OkAsync(AcquireLandAsync(
            projectId, new LandRequest("KCZ-V", 80m, _desk.Today, version), ProjectDesk.Bureau, _fixture.Db.Database, _clock, default));
    }

    [Fact]
    public async Task A_stale_version_is_still_refused()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.Signed);
        var stale = (await _desk.ViewAsync(projectId)).Version - 1;

        var result = (await TransferAsync(projectId, new TransferRequest("五华区", "用地调整", stale), ProjectDesk.Bureau,
            _fixture.Db.Database, _clock, default)).Result;

        Assert.Equal(409, Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(result).StatusCode);
    }
}
