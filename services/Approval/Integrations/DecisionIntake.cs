using Dapper;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Approval.Integrations;

/// <summary>One approval system's decision on one item, however it arrived (webhook or message).</summary>
public sealed record ExternalDecision(
    string System, string DecisionId, Guid ProjectId, string ItemCode, DecisionOutcome Outcome, DateTimeOffset DecidedAt,
    string? ProjectCode, string? Remarks);

public sealed record DecisionReceipt(Guid Id, string System, string DecisionId, string Status, bool Duplicate);

/// <summary>
/// Records each decision once per (system, decision id) and applies it: to its item if the case exists and the item is
/// open to decisions (Applied), later when the case opens or the item opens (Parked), or not at all when the item
/// already has a newer decision (Ignored). Holds the project's record lock, as the consumer that opens the case does,
/// so a decision parked while the case is being opened is never left behind.
/// </summary>
internal static class DecisionIntake
{
    public static async Task<DecisionReceipt> ReceiveAsync(
        UnitOfWork work, ExternalDecision decision, WorkCalendar calendar, TimeProvider clock)
    {
        await work.LockRecordAsync(decision.ProjectId);
        var id = await work.QuerySingleOrDefaultAsync<Guid?>(
            """
            INSERT INTO external_decisions (id, system, decision_id, project_id, item_code, outcome, decided_at,
                                            national_project_code, remarks, received_at)
            VALUES (@Id, @System, @DecisionId, @ProjectId, @ItemCode, @Outcome, @DecidedAt, @ProjectCode, @Remarks, @ReceivedAt)
            ON CONFLICT (system, decision_id) DO NOTHING
            RETURNING id
            """,
            new
            {
                Id = Guid.CreateVersion7(), decision.System, decision.DecisionId, decision.ProjectId, decision.ItemCode,
                Outcome = decision.Outcome.ToString(), decision.DecidedAt, decision.ProjectCode, decision.Remarks,
                ReceivedAt = clock.GetUtcNow(),
            });
        if (id is null)
        {
            var existing = await work.QuerySingleAsync<(Guid Id, string Status)>(
                "SELECT id, status FROM external_decisions WHERE system = @System AND decision_id = @DecisionId",
                new { decision.System, decision.DecisionId });
            return new DecisionReceipt(existing.Id, decision.System, decision.DecisionId, existing.Status, Duplicate: true);
        }

        await work.AuditAsync("ExternalDecision", id.Value, "received", null, decision);
        var workflow = await CaseWorkflow.LockAsync(work, decision.ProjectId, calendar, clock);
        var status = workflow is null ? "Parked" : await ApplyAsync(workflow, decision);
        await MarkAsync(work, id.Value, status, clock);
        return new DecisionReceipt(id.Value, decision.System, decision.DecisionId, status, Duplicate: false);
    }

    /// <summary>
    /// Applies the decisions that came before their case or their item, oldest first. One at a time, because applying
    /// one may open items that others waited for (and apply those on the way).
    /// </summary>
    public static async Task ApplyParkedAsync(UnitOfWork work, CaseWorkflow workflow, TimeProvider clock)
    {
        while (true)
        {
            var parked = await work.QueryAsync<ParkedDecision>(
                """
                SELECT id, system, decision_id, project_id, item_code, outcome, decided_at, national_project_code AS project_code, remarks
                FROM external_decisions WHERE project_id = @ProjectId AND status = 'Parked' ORDER BY decided_at, id FOR UPDATE
                """,
                new { workflow.Case.ProjectId });
            var next = parked.FirstOrDefault(d => workflow.Item(d.ItemCode)?.Status != ApprovalItemStatus.Pending);
            if (next is null)
                return;
            await MarkAsync(work, next.Id, await ApplyAsync(workflow, next.ToDecision()), clock);
        }
    }

    private static async Task<string> ApplyAsync(CaseWorkflow workflow, ExternalDecision decision)
    {
        var item = workflow.Item(decision.ItemCode);
        if (item is null || item.DecidedAt >= decision.DecidedAt || item.Status == ApprovalItemStatus.Issued)
            return "Ignored";
        // Not yet submitted (its prerequisites are still under review): the decision waits for the item to open, so
        // the item takes the same steps whichever arrives first.
        if (item.Status == ApprovalItemStatus.Pending)
            return "Parked";
        var target = decision.Outcome switch
        {
            DecisionOutcome.Granted => ApprovalItemStatus.Granted,
            DecisionOutcome.Rejected => ApprovalItemStatus.Rejected,
            _ => ApprovalItemStatus.Returned,
        };
        if (item.Status == target)
            return "Ignored";

        await workflow.ChangeAsync(
            item, item with { Status = target, DecidedAt = decision.DecidedAt }, $"{decision.Outcome} by {decision.System}",
            target == ApprovalItemStatus.Granted ? new { decision.DecisionId, decision.Remarks } : decision.Remarks);
        if (decision.ProjectCode is not null && item.Code is "filing" or "verification" && workflow.Case.NationalProjectCode is null)
            await workflow.RecordProjectCodeAsync(decision.ProjectCode);
        await workflow.AdvanceAsync();
        return "Applied";
    }

    private static Task MarkAsync(UnitOfWork work, Guid id, string status, TimeProvider clock) =>
        work.ExecuteAsync(
            "UPDATE external_decisions SET status = @status, applied_at = CASE WHEN @status = 'Applied' THEN @Now END WHERE id = @id",
            new { id, status, Now = clock.GetUtcNow() });

    private sealed record ParkedDecision(
        Guid Id, string System, string DecisionId, Guid ProjectId, string ItemCode, DecisionOutcome Outcome,
        DateTimeOffset DecidedAt, string? ProjectCode, string? Remarks)
    {
        public ExternalDecision ToDecision() => new(System, DecisionId, ProjectId, ItemCode, Outcome, DecidedAt, ProjectCode, Remarks);
    }
}
