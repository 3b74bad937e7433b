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
        IReadOnlyList<GradedItem> graded;
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
            graded = [.. items.Select(i => (Item: i, Standing: rule.On(i.DueOn, today)))
                .Where(g => g.Standing.Grade is not null)
                .Select(g => new GradedItem(g.Item, g.Standing.Grade!, g.Standing.WorkingDays))];
            announced = await WarningNotices.AnnouncedAsync(connection, graded.Select(g => g.WarningKey));
            warned = await WarningNotices.OpenAsync(connection, "approval-item:");
        }

        var count = 0;
        foreach (var (item, grade, workingDays) in graded.Where(g => !announced.Contains(g.WarningKey)))
        {
            var itemKey = ItemKey(item.CaseId, item.Code);
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var now = clock.GetUtcNow();
            if (await work.AnnounceAsync(new WarningRaised(
                    WarningGrades.WarningKey(itemKey, item.DueOn, grade), itemKey, "approval-item", $"审批事项「{item.Name}」",
                    grade, item.DueOn, workingDays, item.District, item.Park, item.ProjectId, [],
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

    /// <summary>An item yellow or worse today, with the WarningKey of its grade.</summary>
    private sealed record GradedItem(ItemUnderReview Item, string Grade, int WorkingDays)
    {
        public string WarningKey => WarningGrades.WarningKey(ItemKey(Item.CaseId, Item.Code), Item.DueOn, Grade);
    }

    private sealed record ItemUnderReview(Guid CaseId, string Code, string Name, DateOnly DueOn, Guid ProjectId, string District, string Park);
}
