using Dapper;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Grades each item under review against its statutory limit with the one warning rule and announces each grade once
/// (WarningRaised, to the project's district and park); clears the warnings of items decided or whose limit moved.
/// Reads only items that can be yellow or worse today, not every item.
/// </summary>
internal static class ApprovalItemWarnings
{
    public static string ItemKey(Guid caseId, string code) => $"approval-item:{caseId}:{code}";

    public static async Task<int> ScanAsync(
        Database database, WorkCalendar calendar, WarningRule rule, WarningOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        IReadOnlyList<ItemUnderReview> items;
        HashSet<string> announced;
        IReadOnlyList<OpenWarning> warned;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // Yellow means at most N working days left: every limit before the (N + 1)-th working day from today.
            items = (await connection.QueryAsync<ItemUnderReview>(
                """
                SELECT i.case_id, i.code, i.name, i.due_on, c.project_id, c.district, COALESCE(p.name, c.park) AS park
                FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id
                WHERE i.status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND i.due_on < @horizon
                """,
                new { horizon = calendar.AddWorkingDays(today, options.YellowWithinWorkingDays + 1) })).AsList();
            announced = await WarningNotices.AnnouncedAsync(connection, items.Select(i => GradedKey(i, rule, today)).OfType<string>());
            warned = await WarningNotices.OpenAsync(connection, "approval-item:");
        }

        var count = 0;
        foreach (var item in items)
        {
            var itemKey = ItemKey(item.CaseId, item.Code);
            if (rule.On(item.DueOn, today) is not { Grade: { } grade } standing
                || announced.Contains(WarningGrades.WarningKey(itemKey, item.DueOn, grade)))
                continue;
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var now = clock.GetUtcNow();
            if (await work.AnnounceAsync(new WarningRaised(
                    WarningGrades.WarningKey(itemKey, item.DueOn, grade), itemKey, "approval-item", $"审批事项「{item.Name}」",
                    grade, item.DueOn, standing.WorkingDays, item.District, item.Park, item.ProjectId, [],
                    $"/projects/{item.ProjectId}", now)))
                count++;
            await work.ClearAsync(itemKey, "limit moved", now, item.DueOn);
            await work.CommitAsync(cancellationToken);
        }

        // Decided, returned or resubmitted with a new limit: the old warnings end.
        var owed = items.ToDictionary(i => ItemKey(i.CaseId, i.Code), i => i.DueOn);
        await WarningNotices.ClearNoLongerOwedAsync(database, warned, owed, "decided", clock, cancellationToken);

        return count;
    }

    /// <summary>The WarningKey of the grade the item stands at today; null when it is not graded.</summary>
    private static string? GradedKey(ItemUnderReview item, WarningRule rule, DateOnly today) =>
        rule.On(item.DueOn, today).Grade is { } grade ? WarningGrades.WarningKey(ItemKey(item.CaseId, item.Code), item.DueOn, grade) : null;

    private sealed record ItemUnderReview(Guid CaseId, string Code, string Name, DateOnly DueOn, Guid ProjectId, string District, string Park);
}
