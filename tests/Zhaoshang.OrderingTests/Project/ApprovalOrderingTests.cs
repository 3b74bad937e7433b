using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Project.Lifecycle;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>The approval case's events reaching the project service in another order than the approval service sent them.</summary>
[Collection(ProjectCollection.Name)]
public sealed class ApprovalOrderingTests
{
    private readonly ProjectDatabase _fixture;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ProjectDesk _desk;
    private readonly Consumers _consumers;

    public ApprovalOrderingTests(ProjectDatabase fixture)
    {
        _fixture = fixture;
        _desk = new ProjectDesk(fixture.Db, _clock);
        _consumers = ProjectConsumers.All(fixture.Db, _clock);
    }

    [Fact]
    public async Task A_return_that_arrives_after_the_item_was_resubmitted_and_pre_land_completed_does_not_stall_the_project()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.Registered);
        var caseId = Guid.CreateVersion7();
        var returned = new ApprovalItemReturned(projectId, caseId, "eia-form", "环评报告表", "材料不全", _clock.Now, CaseVersion: 4);
        var completed = new PreLandApprovalsCompleted(projectId, caseId, _clock.Now, CaseVersion: 9);

        await _consumers.DeliverAllAsync(Permutations.Reversed([Delivery.Of(returned), Delivery.Of(completed)]));

        var project = await _desk.ViewAsync(projectId);
        Assert.Equal(ProjectState.Registered, project.State);
        Assert.Equal(_desk.Today, project.PreLandApprovalsCompletedOn);
    }

    [Fact]
    public async Task A_return_that_arrives_after_the_permit_leaves_the_project_under_construction()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.LandAcquired);
        var caseId = Guid.CreateVersion7();
        var returned = new ApprovalItemReturned(projectId, caseId, "energy", "节能审查", "补充材料", _clock.Now, CaseVersion: 6);
        var permit = new ConstructionPermitIssued(projectId, caseId, _desk.Today, _clock.Now, CaseVersion: 11);

        await _consumers.DeliverAllAsync(Permutations.Reversed([Delivery.Of(returned), Delivery.Of(permit)]));

        var project = await _desk.ViewAsync(projectId);
        Assert.Equal(ProjectState.UnderConstruction, project.State);
        Assert.Equal(_desk.Today, project.ConstructionStartedOn);
    }

    [Fact]
    public async Task A_rejected_item_stalls_the_project_with_the_reason_and_an_older_one_does_not_restall_it()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.Signed);
        var caseId = Guid.CreateVersion7();
        var rejected = new ApprovalItemRejected(projectId, caseId, "filing", "项目备案", "不符合产业政策", _clock.Now, 5);

        await _consumers.DeliverAsync(Delivery.Of(rejected));

        var project = await _desk.ViewAsync(projectId);
        Assert.Equal(ProjectState.Stalled, project.State);
        Assert.Equal("审批不予许可：项目备案（不符合产业政策）", project.StateReason);
        Assert.Contains(await _desk.PublishedAsync(projectId), e => e.Type == nameof(ProjectStateChanged) && e.Body.GetProperty("to").GetString() == "Stalled");

        await ProjectDesk.OkAsync(ResumeAsync(projectId, new ReasonRequest("补正后重新申报", null), ProjectDesk.Bureau, _fixture.Db.Database, _clock, default));
        await _consumers.DeliverAsync(Delivery.Of(rejected with { CaseVersion = 3 }));
        Assert.Equal(ProjectState.Signed, (await _desk.ViewAsync(projectId)).State);
    }

    [Fact]
    public async Task A_permit_recorded_while_the_project_was_stalled_starts_construction_when_it_resumes()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.LandAcquired);
        await ProjectDesk.OkAsync(StallAsync(projectId, new ReasonRequest("企业资金未到位", null), ProjectDesk.Bureau, _fixture.Db.Database, _clock, default));
        await _consumers.DeliverAsync(Delivery.Of(new ConstructionPermitIssued(projectId, Guid.CreateVersion7(), _desk.Today, _clock.Now, 8)));
        Assert.Equal(ProjectState.Stalled, (await _desk.ViewAsync(projectId)).State);

        _clock.Now = _clock.Now.AddDays(3);
        var resumed = await ProjectDesk.OkAsync(
            ResumeAsync(projectId, new ReasonRequest("资金到位", null), ProjectDesk.Bureau, _fixture.Db.Database, _clock, default));

        Assert.Equal(ProjectState.UnderConstruction, resumed.State);
        Assert.Equal(_desk.Today, resumed.ConstructionStartedOn);
        Assert.Equal(["Stalled→LandAcquired", "LandAcquired→UnderConstruction"],
            (await _desk.TimelineAsync(projectId)).TakeLast(2).Select(e => $"{e.From}→{e.To}"));
    }

    [Fact]
    public async Task A_stall_the_case_caused_lifts_when_newer_case_progress_arrives()
    {
        var projectId = await _desk.ProjectInAsync(ProjectState.LandAcquired);
        var caseId = Guid.CreateVersion7();

        await _consumers.DeliverAllAsync([
            Delivery.Of(new ApprovalItemReturned(projectId, caseId, "eia-form", "环评报告表", "材料不全", _clock.Now, 4)),
            Delivery.Of(new ConstructionPermitIssued(projectId, caseId, _desk.Today, _clock.Now, 10)),
        ]);

        var project = await _desk.ViewAsync(projectId);
        Assert.Equal(ProjectState.UnderConstruction, project.State);
        Assert.Equal(["LandAcquired→Stalled", "Stalled→LandAcquired", "LandAcquired→UnderConstruction"],
            (await _desk.TimelineAsync(projectId)).TakeLast(3).Select(e => $"{e.From}→{e.To}"));
    }
}
