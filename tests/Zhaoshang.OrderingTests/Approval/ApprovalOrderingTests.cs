using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>The scenarios of issue 13 that concern the approval service, each in the order that used to go wrong.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class ApprovalOrderingTests(ApprovalDatabase fixture)
{
    private readonly ApprovalHarness _approval = new(fixture.Db);

    [Fact]
    public async Task A_transfer_that_arrives_before_the_signing_opens_the_case_in_the_new_district()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAllAsync(Permutations.Reversed(
        [
            Delivery.Of(_approval.Signed(projectId, version: 2)),
            Delivery.Of(_approval.Transferred(projectId, ApprovalHarness.Anning, "五华区", 3)),
        ]));

        var approvalCase = await _approval.CaseAsync(projectId);
        Assert.Equal("五华区", approvalCase!.District);
        Assert.Equal(3, approvalCase.DistrictVersion);
        Assert.Equal(0, await _approval.ParkedAsync(projectId));
    }

    [Fact]
    public async Task Two_quick_transfers_applied_in_reverse_leave_the_case_in_the_last_district()
    {
        var projectId = Guid.CreateVersion7();
        var consumers = _approval.Consumers();
        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(projectId, version: 2)));
        await consumers.DeliverAllAsync(Permutations.Reversed(
        [
            Delivery.Of(_approval.Transferred(projectId, ApprovalHarness.Anning, "官渡区", 3)),
            Delivery.Of(_approval.Transferred(projectId, "官渡区", "五华区", 4)),
        ]));

        Assert.Equal("五华区", (await _approval.CaseAsync(projectId))!.District);
    }

    [Fact]
    public async Task A_transfer_back_to_the_signing_district_is_not_undone_by_the_earlier_transfer_arriving_late()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAllAsync(
        [
            Delivery.Of(_approval.Signed(projectId, version: 2)),
            Delivery.Of(_approval.Transferred(projectId, "官渡区", ApprovalHarness.Anning, 4)),
            Delivery.Of(_approval.Transferred(projectId, ApprovalHarness.Anning, "官渡区", 3)),
        ]);

        Assert.Equal(ApprovalHarness.Anning, (await _approval.CaseAsync(projectId))!.District);
    }

    [Fact]
    public async Task Land_that_arrives_before_the_case_waits_for_it_and_the_certificates_still_issue_together()
    {
        var projectId = Guid.CreateVersion7();
        var consumers = _approval.Consumers();
        await consumers.DeliverAsync(Delivery.Of(_approval.LandAcquired(projectId, 4)));
        Assert.Equal(1, await _approval.ParkedAsync(projectId));

        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(projectId)));
        await consumers.DeliverAllAsync(_approval.AllGranted(projectId).Select(Delivery.Of));

        var issued = Assert.Single(await _approval.EventsAsync<ConstructionPermitIssued>(projectId));
        Assert.Equal(new DateOnly(2026, 11, 20), issued.IssuedOn);
        Assert.Equal(0, await _approval.ParkedAsync(projectId));
        var items = await _approval.ItemsAsync(projectId);
        Assert.All(new[] { "land-planning-permit", "real-estate-title", "engineering-planning-permit", "construction-permit" },
            code => Assert.Equal(ApprovalItemStatus.Issued, items[code].Status));
    }

    [Fact]
    public async Task Land_applied_while_the_case_opens_with_every_decision_already_in_issues_the_certificates_at_once()
    {
        var projectId = Guid.CreateVersion7();
        var consumers = _approval.Consumers();
        await consumers.DeliverAllAsync(_approval.AllGranted(projectId).Reverse().Select(Delivery.Of));
        await consumers.DeliverAsync(Delivery.Of(_approval.LandAcquired(projectId, 4)));
        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(projectId)));

        Assert.Single(await _approval.EventsAsync<PreLandApprovalsCompleted>(projectId));
        Assert.Single(await _approval.EventsAsync<ConstructionPermitIssued>(projectId));
        Assert.All((await _approval.DecisionStatusesAsync(projectId)).Values, status => Assert.Equal("Applied", status));
    }

    [Fact]
    public async Task A_decision_on_an_item_still_waiting_for_its_prerequisites_waits_until_the_item_is_submitted()
    {
        var projectId = Guid.CreateVersion7();
        var consumers = _approval.Consumers();
        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(projectId)));
        await consumers.DeliverAsync(Delivery.Of(_approval.Decision(projectId, "design-review", 2)));
        Assert.Equal(ApprovalItemStatus.Pending, (await _approval.ItemsAsync(projectId))["design-review"].Status);

        await consumers.DeliverAsync(Delivery.Of(_approval.Decision(projectId, "land-pre-review", 1)));

        var designReview = (await _approval.ItemsAsync(projectId))["design-review"];
        Assert.Equal(ApprovalItemStatus.Granted, designReview.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), designReview.OpenedOn);
        Assert.Contains(await _approval.EventsAsync<ApprovalSubmissionRequested>(projectId), s => s.ItemCode == "design-review");
        Assert.All((await _approval.DecisionStatusesAsync(projectId)).Values, status => Assert.Equal("Applied", status));
    }

    [Fact]
    public async Task An_item_rejected_by_its_approval_system_tells_the_project_with_the_reason()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAllAsync(
        [
            Delivery.Of(_approval.Signed(projectId)),
            Delivery.Of(_approval.Decision(projectId, "eia-form", 1, "Rejected", "选址位于水源保护区")),
        ]);

        var rejected = Assert.Single(await _approval.EventsAsync<ApprovalItemRejected>(projectId));
        Assert.Equal(("eia-form", "环境影响报告表审批", "选址位于水源保护区"), (rejected.ItemCode, rejected.ItemName, rejected.Reason));
        Assert.Equal((await _approval.CaseAsync(projectId))!.Version, rejected.CaseVersion);
    }

    [Fact]
    public async Task An_item_rejected_by_staff_tells_the_project_and_leaves_the_overdue_list()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAsync(Delivery.Of(_approval.Signed(projectId)));

        Assert.IsType<Ok<ApprovalItem>>((await _approval.RejectAsync(projectId, "land-pre-review", "用地不符合国土空间规划")).Result);

        var rejected = Assert.Single(await _approval.EventsAsync<ApprovalItemRejected>(projectId));
        Assert.Equal(("land-pre-review", "用地不符合国土空间规划"), (rejected.ItemCode, rejected.Reason));
        var overdue = await OverdueItemsApi.ListOverdueItemsAsync(
            new DateOnly(2027, 6, 1), projectId, null, null, ApprovalHarness.Staff(), fixture.Db.Database, _approval.Calendar, _approval.Clock,
            CancellationToken.None);
        var list = Assert.IsType<Ok<Page<OverdueItemsApi.OverdueItem>>>(overdue.Result).Value!.Items;
        Assert.DoesNotContain(list, o => o.ProjectId == projectId && o.Item.Code == "land-pre-review");
        Assert.Contains(list, o => o.ProjectId == projectId && o.Item.Code == "eia-form");
    }

    [Fact]
    public async Task Every_event_to_the_project_carries_the_case_version_after_its_change()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAllAsync(
            new object[] { _approval.Signed(projectId), _approval.LandAcquired(projectId, 4) }
                .Concat(_approval.AllGranted(projectId)).Select(Delivery.Of));

        var completed = Assert.Single(await _approval.EventsAsync<PreLandApprovalsCompleted>(projectId));
        var issued = Assert.Single(await _approval.EventsAsync<ConstructionPermitIssued>(projectId));
        Assert.True(completed.CaseVersion > 0);
        Assert.True(issued.CaseVersion > completed.CaseVersion);
        Assert.Equal((await _approval.CaseAsync(projectId))!.Version, issued.CaseVersion);
    }

    [Fact]
    public async Task A_second_signing_of_the_project_under_another_message_id_changes_nothing()
    {
        var projectId = Guid.CreateVersion7();
        var signed = _approval.Signed(projectId);
        await _approval.Consumers().DeliverAllAsync([Delivery.Of(signed), Delivery.Of(signed)]);

        Assert.Single(await _approval.EventsAsync<ApprovalCaseOpened>(projectId));
        Assert.Equal(3, (await _approval.EventsAsync<ApprovalSubmissionRequested>(projectId)).Count);
    }

    [Fact]
    public async Task A_park_renamed_before_or_after_the_signing_shows_its_current_name_and_keeps_its_staff()
    {
        var parkId = Guid.CreateVersion7();
        var (before, after) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var consumers = _approval.Consumers();
        await consumers.DeliverAsync(Delivery.Of(new ParkRenamed(parkId, "安宁新材料产业园", 2, _approval.Clock.Now)));
        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(before, parkId: parkId, park: ApprovalHarness.AnningPark)));
        await consumers.DeliverAsync(Delivery.Of(_approval.Signed(after, parkId: parkId, park: "安宁新材料产业园")));
        Assert.Equal("安宁新材料产业园", (await _approval.CaseAsync(before))!.Park);
        await consumers.DeliverAsync(Delivery.Of(new ParkRenamed(parkId, "安宁绿色铝产业园", 3, _approval.Clock.Now)));
        await consumers.DeliverAsync(Delivery.Of(new ParkRenamed(parkId, "安宁新材料产业园", 2, _approval.Clock.Now)));

        foreach (var projectId in new[] { before, after })
        {
            Assert.Equal("安宁绿色铝产业园", (await _approval.CaseAsync(projectId))!.Park);
            var seen = await ApprovalCasesApi.GetApprovalCaseAsync(
                projectId, ApprovalHarness.Staff(Roles.Park, park: parkId.ToString()), fixture.Db.Database, CancellationToken.None);
            Assert.IsType<Ok<ApprovalCasesApi.ApprovalCaseView>>(seen.Result);
        }
    }

    [Fact]
    public async Task Decisions_arriving_while_their_case_opens_are_never_left_waiting()
    {
        var projects = Enumerable.Range(0, 160).Select(_ => Guid.CreateVersion7()).ToList();
        await Task.WhenAll(projects.SelectMany(projectId => new[]
        {
            _approval.Consumers().DeliverAsync(Delivery.Of(_approval.Decision(projectId, "filing", 1))),
            _approval.Consumers().DeliverAsync(Delivery.Of(_approval.Signed(projectId))),
        }));

        foreach (var projectId in projects)
            Assert.Equal(ApprovalItemStatus.Granted, (await _approval.ItemsAsync(projectId))["filing"].Status);
    }
}
