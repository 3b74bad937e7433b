using Microsoft.Extensions.Logging;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Calendar;

/// <summary>
/// Loads the service's <see cref="WorkCalendar"/> from its own <c>working_calendar_years</c>: once at start, after the
/// migrations and before the service takes requests or messages, then every minute. The instance whose consumer
/// applies a change takes it at once; the minute brings it to the service's other instances. Real time, not the
/// service's clock: a moved "now" (tests) changes no calendar.
/// </summary>
public sealed class WorkingCalendarRefresh(Database database, WorkCalendar calendar, ILogger<WorkingCalendarRefresh> logger)
    : PeriodicScanner("working-calendar", Interval, TimeProvider.System, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var year in await WorkingCalendarYears.ReadAsync(connection))
            calendar.Apply(year.Year, year.Version, year.Holidays, year.WorkingWeekendDays);
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);
}
