using Dapper;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Calendar;

/// <summary>One year of the working calendar as a service's <c>working_calendar_years</c> holds it.</summary>
public sealed record WorkingCalendarYear(
    int Year, int Version, DateOnly[] Holidays, DateOnly[] WorkingWeekendDays, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>
/// The working calendar in a service's own table: the project service owns it (its API), every other service keeps a
/// copy from <see cref="WorkingCalendarChanged"/>, taking a year only when its version is newer than the one held.
/// </summary>
public static class WorkingCalendarYears
{
    public const string Select =
        "SELECT year, version, holidays, working_weekend_days, changed_at, changed_by FROM working_calendar_years";

    /// <summary>The id a year's changes are audited under: <c>00000000-0000-0000-0000-000000002026</c> for 2026.</summary>
    public static Guid RecordId(int year) => Guid.Parse($"00000000-0000-0000-0000-{year:D12}");

    public static async Task<IReadOnlyList<WorkingCalendarYear>> ReadAsync(NpgsqlConnection connection, int? year = null) =>
        (await connection.QueryAsync<WorkingCalendarYear>(
            Select + " WHERE @year::integer IS NULL OR year = @year ORDER BY year", new { year })).AsList();

    /// <summary>
    /// A copy's side: applies a change if it is newer than the year held, in the consumer's transaction, and takes it
    /// into the service's calendar. One statement compares and sets the version, so changes racing each other keep the
    /// newest. The calendar takes it at once: a version names one content, so even a delivery that rolls back leaves
    /// nothing the owner did not decide, and its redelivery commits it.
    /// </summary>
    public static async Task ApplyAsync(UnitOfWork work, WorkCalendar calendar, WorkingCalendarChanged message)
    {
        var applied = await work.ExecuteAsync(
            """
            INSERT INTO working_calendar_years (year, version, holidays, working_weekend_days, changed_at, changed_by)
            VALUES (@Year, @Version, @Holidays, @WorkingWeekendDays, @ChangedAt, @ChangedBy)
            ON CONFLICT (year) DO UPDATE
                SET version = excluded.version, holidays = excluded.holidays, working_weekend_days = excluded.working_weekend_days,
                    changed_at = excluded.changed_at, changed_by = excluded.changed_by
                WHERE working_calendar_years.version < excluded.version
            """,
            new
            {
                message.Year, message.Version, Holidays = message.Holidays.ToArray(), WorkingWeekendDays = message.WorkingWeekendDays.ToArray(),
                message.ChangedAt, ChangedBy = work.Actor.Subject,
            }) == 1;
        if (applied)
        {
            await work.AuditAsync("WorkingCalendarYear", RecordId(message.Year), "copied", null,
                new { message.Year, message.Version, message.Holidays, message.WorkingWeekendDays });
        }

        calendar.Apply(message.Year, message.Version, message.Holidays, message.WorkingWeekendDays);
    }
}
