using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Lead.ServiceLevels;

public sealed class ServiceLevelOptions
{
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Grades every service level an open intent owes with the one warning rule and announces each grade once
/// (<see cref="WarningRaised"/>; a missed one also as <see cref="CooperationIntentOverdue"/>), clears the warnings of a
/// deadline met or moved, and reminds the staff who set a follow-up's next step the working day before it. Notices and
/// outbox messages commit together; several instances may scan, the notices' keys let one of them announce each.
/// </summary>
internal sealed class OverdueScanner(
    Database database, WorkCalendar calendar, WarningRule rule, WarningOptions warnings, TimeProvider clock,
    IOptions<ServiceLevelOptions> options, ILogger<OverdueScanner> logger) : PeriodicScanner("lead-service-levels", options.Value.ScanInterval, clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var announced = await ScanAsync(cancellationToken) + await FollowUpReminders.ScanAsync(database, calendar, Clock, cancellationToken);
        if (announced > 0)
            logger.LogInformation("Announced {Count} service-level warning(s) and reminder(s).", announced);
    }

    private async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var today = Clock.TodayInChina();
        IReadOnlyList<Intents.CooperationIntent> open;
        IReadOnlyList<(Intents.CooperationIntent Intent, ServiceLevelDeadline Deadline, WarningStanding Standing)> deadlines;
        HashSet<string> announcedKeys;
        IReadOnlyList<OpenWarning> warned;
        Dictionary<Guid, string[]> followers;
        HashSet<(Guid, string, DateOnly)> overdueNoticed;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            warned = await WarningNotices.OpenAsync(connection, "intent:");
            // What is graded today (due within the yellow window, or late) and what carries a warning to keep or clear: the
            // scan's cost follows the deadlines coming due and the warnings open, not every open intent.
            open = await OpenIntents.DueAsync(connection, calendar, today, warnings.YellowWithinWorkingDays,
                warned.Select(w => Guid.Parse(w.ItemKey.Split(':')[1])).Distinct().ToArray());
            deadlines = [.. open.SelectMany(i => ServiceLevelRules.Deadlines(i, calendar).Select(d => (i, d, rule.On(d.DueOn, today))))];
            announcedKeys = await WarningNotices.AnnouncedAsync(connection,
                deadlines.Where(d => d.Standing.Grade is not null).Select(d => WarningKey(d.Intent, d.Deadline, d.Standing.Grade!)));
            var ids = open.Select(i => i.Id).ToArray();
            // The staff who recorded its follow-ups answer for an intent; its district's staff are reached in any case.
            followers = (await connection.QueryAsync<(Guid IntentId, string[] Staff)>(
                "SELECT intent_id, array_agg(DISTINCT recorded_by) FROM intent_follow_ups WHERE intent_id = ANY(@ids) GROUP BY intent_id",
                new { ids })).ToDictionary(r => r.IntentId, r => r.Staff);
            overdueNoticed = (await connection.QueryAsync<(Guid, string, DateOnly)>(
                "SELECT intent_id, kind, due_on FROM intent_overdue_notices WHERE intent_id = ANY(@ids)", new { ids })).ToHashSet();
        }

        var announced = 0;
        var owed = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var (intent, deadline, standing) in deadlines)
        {
            var itemKey = deadline.ItemKey(intent.Id);
            owed[itemKey] = deadline.DueOn;
            if (standing.Grade is not { } grade)
                continue;
            // Late by a working day at least: also the overdue message of before (a weekend after the deadline is not).
            var overdue = grade != WarningGrades.Yellow && standing.WorkingDays > 0
                && !overdueNoticed.Contains((intent.Id, deadline.Kind.ToString(), deadline.DueOn));
            if (!overdue && announcedKeys.Contains(WarningKey(intent, deadline, grade)))
                continue;

            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var now = Clock.GetUtcNow();
            var fresh = await work.AnnounceAsync(new WarningRaised(
                WarningKey(intent, deadline, grade), itemKey, "intent",
                deadline.Title(intent.EnterpriseName), grade, deadline.DueOn, standing.WorkingDays, intent.District, null,
                intent.ProjectId, followers.GetValueOrDefault(intent.Id, []), $"/intents/{intent.Id}", now));
            if (overdue && await AnnounceOverdueAsync(work, intent, deadline, standing.WorkingDays, now))
                await work.AuditAsync("CooperationIntent", intent.Id, "overdue", null,
                    new { Kind = deadline.Kind.ToString(), deadline.DueOn, WorkingDaysLate = standing.WorkingDays });
            await work.ClearAsync(itemKey, "deadline moved", now, deadline.DueOn);
            await work.CommitAsync(cancellationToken);
            announced += fresh ? 1 : 0;
        }

        // Met (responded, assessed, followed up, closed): their warnings end.
        await WarningNotices.ClearNoLongerOwedAsync(database, warned, owed, "service level met", Clock, cancellationToken);

        return announced;
    }

    private static string WarningKey(Intents.CooperationIntent intent, ServiceLevelDeadline deadline, string grade) =>
        WarningGrades.WarningKey(deadline.ItemKey(intent.Id), deadline.DueOn, grade);

    /// <summary>The missed deadline in the message published before graded warnings existed, once per deadline.</summary>
    private static async Task<bool> AnnounceOverdueAsync(
        UnitOfWork work, Intents.CooperationIntent intent, ServiceLevelDeadline deadline, int workingDaysLate, DateTimeOffset now)
    {
        var fresh = await work.ExecuteAsync(
            """
            INSERT INTO intent_overdue_notices (intent_id, kind, due_on, notified_at)
            VALUES (@Id, @Kind, @DueOn, @Now) ON CONFLICT DO NOTHING
            """,
            new { intent.Id, Kind = deadline.Kind.ToString(), deadline.DueOn, Now = now });
        if (fresh == 0)
            return false;
        await work.PublishAsync(new CooperationIntentOverdue(
            intent.Id, deadline.Kind.ToString(), deadline.DueOn, workingDaysLate, intent.District, intent.EnterpriseName, now));
        return true;
    }
}
