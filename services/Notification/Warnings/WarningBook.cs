using Zhaoshang.Contracts;
using Zhaoshang.Notification.Deliveries;
using Zhaoshang.Notification.Inbox;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// Records a warning grade in the read model (its deadline, its grade history, its current state) and, the first time its WarningKey is
/// seen and unless its item was cleared since, puts it in the inbox and plans its deliveries, all in the consumer's
/// transaction. Every path that raises a warning (WarningRaised, the overdue announcements) comes through here, so the
/// same WarningKey is one warning whichever arrives first.
/// </summary>
public sealed class WarningBook(DeliveryPlanner planner)
{
    public async Task RaiseAsync(UnitOfWork work, Notice warning, string itemKey)
    {
        var rank = Notice.Rank(warning.Grade);
        if (rank < 0)
            throw new InvalidMessageException($"Unknown warning grade '{warning.Grade}'; expected one of {string.Join(", ", WarningGrades.All)}.");
        // A clearance of the same item committing beside this raise would miss the state row this writes, and this raise its clearance.
        await work.LockRecordAsync(itemKey);
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
        var raisedOn = ChinaDay(warning.DetectedAt);
        var fresh = await work.ExecuteAsync(
            """
            INSERT INTO warning_grades (warning_key, item_key, due_on, grade, grade_rank, raised_on, working_days, detected_at)
            VALUES (@Key, @itemKey, @DueOn, @Grade, @rank, @raisedOn, @WorkingDays, @DetectedAt)
            ON CONFLICT (warning_key) DO NOTHING
            """,
            new
            {
                warning.Key, itemKey, warning.DueOn, warning.Grade, rank, raisedOn, WorkingDays = warning.WorkingDays ?? 0, warning.DetectedAt,
            });
        await RecordStateAsync(work, warning, itemKey, rank, raisedOn);
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

    public static async Task ClearAsync(UnitOfWork work, WarningCleared message)
    {
        await work.LockRecordAsync(message.ItemKey);
        var clearedOn = ChinaDay(message.ClearedAt);
        await work.ExecuteAsync(
            """
            INSERT INTO warning_clearances (item_key, cleared_at, cleared_on, reason) VALUES (@ItemKey, @ClearedAt, @clearedOn, @Reason)
            ON CONFLICT DO NOTHING
            """,
            new { message.ItemKey, message.ClearedAt, clearedOn, message.Reason });
        // Closes the item's deadlines first raised before it; an earlier closing day stays.
        await work.ExecuteAsync(
            """
            UPDATE warning_states s SET closed_on = LEAST(s.closed_on, @clearedOn)
            FROM warnings w
            WHERE s.item_key = @ItemKey AND w.item_key = s.item_key AND w.due_on = s.due_on AND w.first_detected_at <= @ClearedAt
            """,
            new { message.ItemKey, message.ClearedAt, clearedOn });
    }

    /// <summary>
    /// The deadline's state (warning_states) after this raise, whatever came before: the higher grade wins, on a tie the
    /// earlier day; opened on the earliest detection; closed by the first clearance newer than that, which stays.
    /// </summary>
    private static Task RecordStateAsync(UnitOfWork work, Notice warning, string itemKey, int rank, DateOnly raisedOn) =>
        work.ExecuteAsync(
            """
            INSERT INTO warning_states AS s (item_key, due_on, warning_key, grade, grade_rank, graded_on, opened_on, closed_on, district, park, source)
            SELECT w.item_key, w.due_on, @Key, @Grade, @rank, @raisedOn, @raisedOn,
                   (SELECT min(x.cleared_on) FROM warning_clearances x WHERE x.item_key = w.item_key AND x.cleared_at >= w.first_detected_at),
                   w.district, w.park, w.source
            FROM warnings w WHERE w.item_key = @itemKey AND w.due_on = @DueOn
            ON CONFLICT (item_key, due_on) DO UPDATE SET
                warning_key = CASE WHEN excluded.grade_rank > s.grade_rank THEN excluded.warning_key ELSE s.warning_key END,
                grade = CASE WHEN excluded.grade_rank > s.grade_rank THEN excluded.grade ELSE s.grade END,
                graded_on = CASE WHEN excluded.grade_rank > s.grade_rank THEN excluded.graded_on
                                 WHEN excluded.grade_rank = s.grade_rank THEN LEAST(s.graded_on, excluded.graded_on)
                                 ELSE s.graded_on END,
                grade_rank = GREATEST(s.grade_rank, excluded.grade_rank),
                opened_on = LEAST(s.opened_on, excluded.opened_on),
                closed_on = LEAST(s.closed_on, excluded.closed_on)
            """,
            new { warning.Key, itemKey, warning.DueOn, warning.Grade, rank, raisedOn });

    /// <summary>Into the inbox, then to each recipient's e-mail and the channels: only the first time the key is seen.</summary>
    public async Task DeliverAsync(UnitOfWork work, Notice notice)
    {
        if (await InboxItems.AddAsync(work, notice))
            await planner.PlanAsync(work, notice);
    }

    /// <summary>The day a moment falls on in China (UTC+8), the day deadlines and asOf go by.</summary>
    public static DateOnly ChinaDay(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime.AddHours(8));
}
