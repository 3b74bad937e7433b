using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Approval.Cases;

public sealed class ApprovalScanOptions
{
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Time-driven steps: suspends and returns items under 容缺受理 whose dates passed, and announces each item that passes
/// its limit without a decision (<see cref="ApprovalItemOverdue"/>) once; grades the items under review (warnings).
/// </summary>
internal sealed class ApprovalScanner(
    Database database, WorkCalendar calendar, WarningRule rule, WarningOptions warnings, TimeProvider clock,
    IOptions<ApprovalScanOptions> options, ILogger<ApprovalScanner> logger)
    : PeriodicScanner("approval-deadlines", options.Value.ScanInterval, clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await ScanAsync(cancellationToken);
        await ApprovalItemWarnings.ScanAsync(database, calendar, rule, warnings, Clock, cancellationToken);
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var today = Clock.TodayInChina();
        IEnumerable<Candidate> candidates;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            candidates = (await connection.QueryAsync<Candidate>(
                """
                SELECT c.project_id, i.code FROM approval_items i JOIN approval_cases c ON c.id = i.case_id
                WHERE i.status IN ('AcceptedWithDeficiency', 'Suspended')
                   OR (i.status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND i.due_on < @today AND NOT i.overdue_notified)
                """,
                new { today })).AsList();
        }

        foreach (var candidate in candidates)
        {
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var workflow = await CaseWorkflow.LockAsync(work, candidate.ProjectId, calendar, Clock);
            if (workflow?.Item(candidate.Code) is not { } item)
                continue;

            switch (DeficiencyRules.Next(item.Status, item.CommittedOn, item.SuspendedOn, today, calendar))
            {
                case DeficiencyStep.Suspend:
                    await workflow.ChangeAsync(item, item with { Status = ApprovalItemStatus.Suspended, SuspendedOn = today },
                        "suspended", new { item.MissingDocuments, item.CommittedOn });
                    break;
                case DeficiencyStep.Return:
                    await workflow.ChangeAsync(item, item with { Status = ApprovalItemStatus.Returned },
                        "returned", $"容缺材料逾期未补正（{string.Join("、", item.MissingDocuments ?? [])}）");
                    break;
            }

            var current = workflow.Item(candidate.Code)!;
            if (ApprovalItemTransitions.IsUnderReview(current.Status) && current.DueOn < today
                && await work.ExecuteAsync(
                    "UPDATE approval_items SET overdue_notified = true WHERE id = @Id AND NOT overdue_notified", new { current.Id }) == 1)
            {
                await work.AuditAsync("ApprovalItem", current.Id, "overdue", null, new { current.DueOn });
                await work.PublishAsync(new ApprovalItemOverdue(
                    workflow.Case.ProjectId, workflow.Case.Id, current.Code, current.Name, current.DueOn!.Value, Clock.GetUtcNow(),
                    workflow.Case.District, workflow.Case.Park));
            }

            await work.CommitAsync(cancellationToken);
        }
    }

    private sealed record Candidate(Guid ProjectId, string Code);
}
