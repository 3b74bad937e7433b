using Dapper;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Lead.ServiceLevels;

/// <summary>
/// A follow-up's next step (下一步) reminds the staff member who set it, from the working day before its date: once per
/// follow-up and date (ReminderDue), for intents still open.
/// </summary>
internal static class FollowUpReminders
{
    public static async Task<int> ScanAsync(Database database, WorkCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        IEnumerable<PlannedStep> steps;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // Two weeks ahead covers the longest holiday between today and "the working day before".
            steps = await connection.QueryAsync<PlannedStep>(
                """
                SELECT f.id, f.intent_id, f.next_step, f.next_step_on, f.recorded_by, i.district, e.name AS enterprise_name
                FROM intent_follow_ups f
                JOIN cooperation_intents i ON i.id = f.intent_id JOIN enterprises e ON e.id = i.enterprise_id
                WHERE f.next_step_on BETWEEN @today AND @horizon AND i.status IN ('New', 'Following', 'Qualified')
                  AND NOT EXISTS (SELECT 1 FROM reminder_notices r WHERE r.reminder_key = 'follow-up:' || f.id || ':' || f.next_step_on)
                """,
                new { today, horizon = today.AddDays(14) });
        }

        var reminded = 0;
        foreach (var step in steps.Where(s => calendar.WorkingDaysBetween(today, s.NextStepOn) <= 1))
        {
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            if (await work.RemindAsync(new ReminderDue(
                    $"follow-up:{step.Id}:{step.NextStepOn:yyyy-MM-dd}", "follow-up",
                    $"合作意向「{step.EnterpriseName}」下一步：{step.NextStep ?? "跟进"}", step.NextStepOn, step.District, null, null,
                    [step.RecordedBy], $"/intents/{step.IntentId}", clock.GetUtcNow())))
                reminded++;
            await work.CommitAsync(cancellationToken);
        }

        return reminded;
    }

    private sealed record PlannedStep(
        Guid Id, Guid IntentId, string? NextStep, DateOnly NextStepOn, string RecordedBy, string District, string EnterpriseName);
}
