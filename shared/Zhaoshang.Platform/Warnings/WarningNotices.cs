using Dapper;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Warnings;

/// <summary>An item with warnings still open: its key and the deadline they were raised for.</summary>
public sealed record OpenWarning(string ItemKey, DateOnly DueOn);

/// <summary>
/// Announces warnings and reminders once each, in the caller's transaction (notice row and outbox message commit
/// together), and clears an item's warnings when its deadline is met or moved. The same in every service that grades.
/// </summary>
public static class WarningNotices
{
    /// <summary>Publishes <paramref name="warning"/> unless its WarningKey was announced before.</summary>
    public static async Task<bool> AnnounceAsync(this UnitOfWork work, WarningRaised warning)
    {
        var fresh = await work.ExecuteAsync(
            """
            INSERT INTO warning_notices (warning_key, item_key, due_on, grade, notified_at)
            VALUES (@WarningKey, @ItemKey, @DueOn, @Grade, @DetectedAt) ON CONFLICT DO NOTHING
            """,
            new { warning.WarningKey, warning.ItemKey, warning.DueOn, warning.Grade, warning.DetectedAt });
        if (fresh == 0)
            return false;
        await work.PublishAsync(warning);
        return true;
    }

    /// <summary>Clears the item's open warnings (all, or those of deadlines other than <paramref name="unlessDueOn"/>).</summary>
    public static async Task<bool> ClearAsync(
        this UnitOfWork work, string itemKey, string reason, DateTimeOffset now, DateOnly? unlessDueOn = null)
    {
        var cleared = await work.ExecuteAsync(
            """
            UPDATE warning_notices SET cleared_at = @now
            WHERE item_key = @itemKey AND cleared_at IS NULL AND (@unlessDueOn::date IS NULL OR due_on <> @unlessDueOn)
            """,
            new { itemKey, now, unlessDueOn });
        if (cleared == 0)
            return false;
        await work.PublishAsync(new WarningCleared(itemKey, reason, now));
        return true;
    }

    /// <summary>
    /// Clears, each in its own transaction, the warned items whose deadline is no longer owed or has moved: those absent
    /// from <paramref name="owed"/> (met, decided, closed) or owed now by another date.
    /// </summary>
    public static async Task ClearNoLongerOwedAsync(
        Database database, IReadOnlyList<OpenWarning> warned, IReadOnlyDictionary<string, DateOnly> owed, string reason,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        foreach (var itemKey in warned.Where(w => !owed.TryGetValue(w.ItemKey, out var due) || due != w.DueOn).Select(w => w.ItemKey).Distinct())
        {
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            await work.ClearAsync(itemKey, reason, clock.GetUtcNow(), owed.TryGetValue(itemKey, out var due) ? due : null);
            await work.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Publishes <paramref name="reminder"/> unless its ReminderKey was announced before.</summary>
    public static async Task<bool> RemindAsync(this UnitOfWork work, ReminderDue reminder)
    {
        var fresh = await work.ExecuteAsync(
            "INSERT INTO reminder_notices (reminder_key, notified_at) VALUES (@ReminderKey, @DetectedAt) ON CONFLICT DO NOTHING",
            new { reminder.ReminderKey, reminder.DetectedAt });
        if (fresh == 0)
            return false;
        await work.PublishAsync(reminder);
        return true;
    }

    /// <summary>
    /// Which of <paramref name="warningKeys"/> (the grades a scan has found) were announced, whether still open or cleared
    /// since: a key is announced once, so neither needs a transaction of its own. Read by key, so that a scan's cost follows
    /// the items it grades, and an item whose warning was cleared and which grades the same again (a deadline moved back,
    /// a clock set back) is not opened on every scan to find it announced.
    /// </summary>
    public static async Task<HashSet<string>> AnnouncedAsync(NpgsqlConnection connection, IEnumerable<string> warningKeys) =>
        (await connection.QueryAsync<string>(
            "SELECT warning_key FROM warning_notices WHERE warning_key = ANY(@Keys)",
            new { Keys = warningKeys.Distinct(StringComparer.Ordinal).ToArray() })).ToHashSet(StringComparer.Ordinal);

    /// <summary>The items with open warnings whose keys start with <paramref name="prefix"/>, with their deadlines.</summary>
    public static async Task<IReadOnlyList<OpenWarning>> OpenAsync(NpgsqlConnection connection, string prefix) =>
        (await connection.QueryAsync<OpenWarning>(
            "SELECT DISTINCT item_key, due_on FROM warning_notices WHERE cleared_at IS NULL AND item_key LIKE @pattern",
            new { pattern = prefix + "%" })).AsList();
}
