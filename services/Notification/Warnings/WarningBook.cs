using Zhaoshang.Contracts;
using Zhaoshang.Notification.Deliveries;
using Zhaoshang.Notification.Inbox;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// Records a warning grade in the read model (its deadline, its grade history) and, the first time its WarningKey is
/// seen and unless its item was cleared since, puts it in the inbox and plans its deliveries, all in the consumer's
/// transaction. Every path that raises a warning (WarningRaised, the overdue announcements) comes through here, so the
/// same WarningKey is one warning whichever arrives first.
/// </summary>
public sealed class WarningBook(DeliveryPlanner planner)
{
    public async Task RaiseAsync(UnitOfWork work, Notice warning, string itemKey)
    {
        if (Notice.Rank(warning.Grade) < 0)
            throw new InvalidMessageException($"Unknown warning grade '{warning.Grade}'; expected one of {string.Join(", ", WarningGrades.All)}.");
        await work.ExecuteAsync(
            """
            INSERT INTO warnings (item_key, due_on, source, title, district, park, project_id, recipients, link, first_detected_at)
            VALUES (@itemKey, @DueOn, @Source, @Title, @District, @Park, @ProjectId, @Recipients, @Link, @DetectedAt)
            ON CONFLICT (item_key, due_on) DO UPDATE SET
                first_detected_at = LEAST(warnings.first_detected_at, excluded.first_detected_at),
                recipients = ARRAY(SELECT DISTINCT r FROM unnest(warnings.recipients || excluded.recipients) r ORDER BY r)
            """,
            new
            {
                itemKey, warning.DueOn, warning.Source, warning.Title, warning.District, warning.Park, warning.ProjectId,
                Recipients = warning.Recipients.ToArray(), warning.Link, warning.DetectedAt,
            });
        var fresh = await work.ExecuteAsync(
            """
            INSERT INTO warning_grades (warning_key, item_key, due_on, grade, grade_rank, raised_on, working_days, detected_at)
            VALUES (@Key, @itemKey, @DueOn, @Grade, @rank, @raisedOn, @WorkingDays, @DetectedAt)
            ON CONFLICT (warning_key) DO NOTHING
            """,
            new
            {
                warning.Key, itemKey, warning.DueOn, warning.Grade, rank = Notice.Rank(warning.Grade),
                raisedOn = ChinaDay(warning.DetectedAt), WorkingDays = warning.WorkingDays ?? 0, warning.DetectedAt,
            });
        if (fresh == 0)
            return;
        // A clearance newer than the raise arrived first: the warning is over, nobody is told of it.
        var cleared = await work.QuerySingleAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM warning_clearances WHERE item_key = @itemKey AND cleared_at >= @DetectedAt)",
            new { itemKey, warning.DetectedAt });
        if (cleared)
            return;
        await DeliverAsync(work, warning);
    }

    public static async Task ClearAsync(UnitOfWork work, WarningCleared message) =>
        await work.ExecuteAsync(
            """
            INSERT INTO warning_clearances (item_key, cleared_at, cleared_on, reason) VALUES (@ItemKey, @ClearedAt, @clearedOn, @Reason)
            ON CONFLICT DO NOTHING
            """,
            new { message.ItemKey, message.ClearedAt, clearedOn = ChinaDay(message.ClearedAt), message.Reason });

    /// <summary>Into the inbox, then to each recipient's e-mail and the channels: only the first time the key is seen.</summary>
    public async Task DeliverAsync(UnitOfWork work, Notice notice)
    {
        if (await InboxItems.AddAsync(work, notice))
            await planner.PlanAsync(work, notice);
    }

    /// <summary>The day a moment falls on in China (UTC+8), the day deadlines and asOf go by.</summary>
    public static DateOnly ChinaDay(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime.AddHours(8));
}
