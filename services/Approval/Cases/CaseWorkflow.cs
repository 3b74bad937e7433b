using Dapper;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Changes to one approval case, inside the caller's unit of work with the case row locked: item status changes
/// (each audited as the item's history), then what follows from them — items whose prerequisites are now granted
/// open (并联审批) and take the decisions that waited for them, the pre-land approvals complete, and on land day the
/// land-dependent certificates issue together. Every change adds one to the case's version, which the events to the
/// project carry as CaseVersion.
/// </summary>
internal sealed class CaseWorkflow(UnitOfWork work, WorkCalendar calendar, TimeProvider clock)
{
    public ApprovalCase Case { get; private set; } = null!;
    public List<ApprovalItem> Items { get; private set; } = [];

    private DateOnly Today => clock.TodayInChina();

    public static async Task<CaseWorkflow?> LockAsync(UnitOfWork work, Guid projectId, WorkCalendar calendar, TimeProvider clock)
    {
        var approvalCase = await work.QuerySingleOrDefaultAsync<ApprovalCase>(
            $"{ApprovalCase.Select} WHERE c.project_id = @projectId FOR UPDATE OF c", new { projectId });
        if (approvalCase is null)
            return null;
        var workflow = new CaseWorkflow(work, calendar, clock) { Case = approvalCase };
        workflow.Items = (await work.QueryAsync<ApprovalItem>(
            $"SELECT {ApprovalItem.Columns} FROM approval_items WHERE case_id = @Id ORDER BY stage, code", new { approvalCase.Id })).AsList();
        return workflow;
    }

    public ApprovalItem? Item(string code) => Items.Find(i => i.Code == code);

    /// <summary>
    /// Moves an item to a new status, with the fields that go with it, and records the step. A returned or rejected
    /// item tells the project, with <paramref name="details"/> as the reason when it is text.
    /// </summary>
    public async Task ChangeAsync(ApprovalItem item, ApprovalItem changed, string action, object? details = null)
    {
        // A new submission has a new due date, so its overdue notice is due again.
        await work.ExecuteAsync(
            """
            UPDATE approval_items
            SET status = @Status, opened_on = @OpenedOn, due_on = @DueOn, decided_at = @DecidedAt,
                missing_documents = @MissingDocuments, committed_on = @CommittedOn, suspended_on = @SuspendedOn,
                overdue_notified = overdue_notified AND submission = @Submission, submission = @Submission
            WHERE id = @Id
            """,
            new
            {
                Status = changed.Status.ToString(), changed.OpenedOn, changed.DueOn, changed.DecidedAt, changed.MissingDocuments,
                changed.CommittedOn, changed.SuspendedOn, changed.Submission, changed.Id,
            });
        await work.AuditAsync("ApprovalItem", item.Id, action,
            new { item.Code, item.Status, item.Submission }, new { changed.Code, changed.Status, changed.DueOn, changed.Submission, Details = details });
        Items[Items.FindIndex(i => i.Id == item.Id)] = changed;
        await BumpVersionAsync();
        if (changed.Status == ApprovalItemStatus.Returned)
        {
            await work.PublishAsync(new ApprovalItemReturned(
                Case.ProjectId, Case.Id, item.Code, item.Name, details as string ?? "退件", clock.GetUtcNow(), Case.Version));
        }
        else if (changed.Status == ApprovalItemStatus.Rejected)
        {
            await work.PublishAsync(new ApprovalItemRejected(
                Case.ProjectId, Case.Id, item.Code, item.Name, details as string ?? "不予许可", clock.GetUtcNow(), Case.Version));
        }
        else if (changed.Status == ApprovalItemStatus.Granted)
        {
            // The day of the decision (an approval system's may precede its arrival), which the project's node plan records.
            var grantedOn = changed.DecidedAt is { } decided ? DateOnly.FromDateTime(decided.UtcDateTime.AddHours(8)) : Today;
            await work.PublishAsync(new ApprovalItemGranted(
                Case.ProjectId, Case.Id, item.Code, item.Name, grantedOn, clock.GetUtcNow(), Case.Version));
        }
    }

    /// <summary>Opens an item for review (again, after 补正) with its limit from today and asks its approval system.</summary>
    public async Task OpenAsync(ApprovalItem item, int submission, string action, object? details = null)
    {
        var due = calendar.AddWorkingDays(Today, item.LimitWorkingDays ?? item.StatutoryWorkingDays);
        await ChangeAsync(item, item with
        {
            Status = ApprovalItemStatus.Open, OpenedOn = Today, DueOn = due, MissingDocuments = null, CommittedOn = null,
            SuspendedOn = null, Submission = submission,
        }, action, details);
        await work.PublishAsync(new ApprovalSubmissionRequested(
            Case.ProjectId, Case.Id, item.Code, item.Name, Case.NationalProjectCode, due, clock.GetUtcNow(), submission));
    }

    /// <summary>
    /// 外部办结: an imported project passed the item before the system, so it is recorded as granted (issued, for a
    /// land-dependent certificate of a project already building) with no review, no due date and no message: the project
    /// recorded its own progress when it was imported.
    /// </summary>
    public async Task GrantOutsideAsync(ApprovalItem item, ApprovalItemStatus status)
    {
        var changed = item with { Status = status, GrantedOutside = true };
        await work.ExecuteAsync("UPDATE approval_items SET status = @Status, granted_outside = true WHERE id = @Id",
            new { Status = status.ToString(), item.Id });
        await work.AuditAsync("ApprovalItem", item.Id, "granted outside the system (外部办结)",
            new { item.Code, item.Status }, new { changed.Code, changed.Status, changed.GrantedOutside });
        Items[Items.FindIndex(i => i.Id == item.Id)] = changed;
        await BumpVersionAsync();
    }

    public async Task RecordLandAcquiredAsync(DateOnly acquiredOn)
    {
        Case = Case with { LandAcquiredOn = acquiredOn };
        await work.ExecuteAsync("UPDATE approval_cases SET land_acquired_on = @acquiredOn WHERE id = @Id", new { acquiredOn, Case.Id });
        await work.AuditAsync("ApprovalCase", Case.Id, "land acquired", null, new { LandAcquiredOn = acquiredOn });
        await BumpVersionAsync();
    }

    public async Task RecordProjectCodeAsync(string projectCode)
    {
        Case = Case with { NationalProjectCode = projectCode };
        await work.ExecuteAsync("UPDATE approval_cases SET national_project_code = @projectCode WHERE id = @Id", new { projectCode, Case.Id });
        await BumpVersionAsync();
    }

    /// <summary>
    /// Opens ready items (applying the decisions that waited for them), completes the pre-land stage, and issues the
    /// certificates together once land is there.
    /// </summary>
    public async Task AdvanceAsync()
    {
        var granted = Items.Where(i => ApprovalItemTransitions.IsGranted(i.Status)).Select(i => i.Code).ToHashSet();
        var ready = Items.Where(i => i.Status == ApprovalItemStatus.Pending && i.Prerequisites.All(granted.Contains)).ToList();
        foreach (var item in ready)
            await OpenAsync(item, item.Submission, "opened");
        if (ready.Count > 0)
            await DecisionIntake.ApplyParkedAsync(work, this, clock);

        var preLand = Items.Where(i => !i.LandDependent).ToList();
        if (Case.PreLandCompletedOn is null && preLand.All(i => ApprovalItemTransitions.IsGranted(i.Status)))
        {
            Case = Case with { PreLandCompletedOn = Today };
            await work.ExecuteAsync("UPDATE approval_cases SET pre_land_completed_on = @Today WHERE id = @Id", new { Today, Case.Id });
            await work.AuditAsync("ApprovalCase", Case.Id, "pre-land approvals complete", null, new { CompletedOn = Today });
            await BumpVersionAsync();
            await work.PublishAsync(new PreLandApprovalsCompleted(Case.ProjectId, Case.Id, clock.GetUtcNow(), Case.Version));
        }

        var landDependent = Items.Where(i => i.LandDependent).ToList();
        if (Case.LandAcquiredOn is not null && Case.PermitIssuedOn is null && Case.PreLandCompletedOn is not null
            && landDependent.All(i => i.Status == ApprovalItemStatus.Granted))
        {
            foreach (var item in landDependent)
                await ChangeAsync(item, item with { Status = ApprovalItemStatus.Issued }, "issued (四证齐发)");
            Case = Case with { PermitIssuedOn = Today };
            await work.ExecuteAsync("UPDATE approval_cases SET permit_issued_on = @Today WHERE id = @Id", new { Today, Case.Id });
            await work.AuditAsync("ApprovalCase", Case.Id, "certificates issued together", null, new { IssuedOn = Today });
            await BumpVersionAsync();
            await work.PublishAsync(new ConstructionPermitIssued(Case.ProjectId, Case.Id, Today, clock.GetUtcNow(), Case.Version));
        }
    }

    private async Task BumpVersionAsync()
    {
        var version = await work.QuerySingleAsync<int>(
            "UPDATE approval_cases SET version = version + 1 WHERE id = @Id RETURNING version", new { Case.Id });
        Case = Case with { Version = version };
    }
}
