using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>补正 and resubmission: a returned or rejected item is submitted again and the flow reaches 四证齐发.</summary>
[Collection(ApprovalCollection.Name)]
public sealed class ResubmissionTests(ApprovalDatabase fixture)
{
    private readonly ApprovalHarness _approval = new(fixture.Db);

    [Theory]
    [InlineData("Returned")]
    [InlineData("Rejected")]
    public async Task A_returned_or_rejected_item_resubmitted_after_correction_reaches_the_certificates(string outcome)
    {
        var projectId = Guid.CreateVersion7();
        var consumers = _approval.Consumers();
        await consumers.DeliverAllAsync(
        [
            Delivery.Of(_approval.Signed(projectId, investment: 100_000_000m)),
            Delivery.Of(_approval.Decision(projectId, "eia-form", 1, outcome, "环评材料不全")),
            Delivery.Of(_approval.LandAcquired(projectId, 3)),
        ]);
        _approval.Clock.Now = _approval.Clock.Now.AddDays(7); // Friday 27 November: the new due date counts from today

        var resubmitted = Assert.IsType<Ok<ApprovalItem>>((await _approval.ResubmitAsync(projectId, "eia-form", "已补正环评材料")).Result).Value!;

        Assert.Equal((ApprovalItemStatus.Open, 2), (resubmitted.Status, resubmitted.Submission));
        Assert.Equal(new DateOnly(2026, 11, 27), resubmitted.OpenedOn);
        Assert.Equal(_approval.Calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 15), resubmitted.DueOn); // 30 halved (绿色通道)
        var submissions = (await _approval.EventsAsync<ApprovalSubmissionRequested>(projectId)).Where(s => s.ItemCode == "eia-form").ToList();
        Assert.Equal([1, 2], submissions.Select(s => s.Submission));
        Assert.Equal(resubmitted.DueOn, submissions[1].DueOn);
        var history = await fixture.Db.QueryAsync<(string Action, string Subject)>(
            "SELECT action, actor_subject FROM audit_log WHERE record_id = @Id ORDER BY id", new { resubmitted.Id });
        Assert.Contains(("resubmitted", "ordering-test"), history);

        await consumers.DeliverAllAsync(_approval.AllGranted(projectId).Select(d => d with { DecidedAt = d.DecidedAt.AddDays(7) }).Select(Delivery.Of));

        Assert.Single(await _approval.EventsAsync<PreLandApprovalsCompleted>(projectId));
        Assert.Equal(new DateOnly(2026, 11, 27), Assert.Single(await _approval.EventsAsync<ConstructionPermitIssued>(projectId)).IssuedOn);
    }

    [Fact]
    public async Task Only_a_returned_or_rejected_item_can_be_resubmitted_and_the_refusal_says_its_status()
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAsync(Delivery.Of(_approval.Signed(projectId)));

        var conflict = Assert.IsType<ProblemHttpResult>((await _approval.ResubmitAsync(projectId, "eia-form", "重新申报")).Result);

        Assert.Equal(409, conflict.StatusCode);
        Assert.Contains("Open", conflict.ProblemDetails.Detail);
        Assert.Equal(1, (await _approval.ItemsAsync(projectId))["eia-form"].Submission);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData(2001)]
    public async Task A_resubmission_needs_a_reason_of_at_most_2000_characters(object? reason)
    {
        var projectId = Guid.CreateVersion7();
        await _approval.Consumers().DeliverAllAsync(
        [
            Delivery.Of(_approval.Signed(projectId)),
            Delivery.Of(_approval.Decision(projectId, "eia-form", 1, "Returned", "退回补正")),
        ]);

        var refused = await _approval.ResubmitAsync(projectId, "eia-form", reason is int length ? new string('补', length) : (string?)reason);

        var problem = Assert.IsType<ValidationProblem>(refused.Result);
        Assert.Contains("reason", problem.ProblemDetails.Errors.Keys);
        Assert.Equal(ApprovalItemStatus.Returned, (await _approval.ItemsAsync(projectId))["eia-form"].Status);
    }
}
