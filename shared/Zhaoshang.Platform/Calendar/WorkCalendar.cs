using System.Collections.Frozen;

namespace Zhaoshang.Platform.Calendar;

/// <summary>
/// Working days as government offices keep them: Monday to Friday, less public holidays, plus the weekend days
/// declared working days in exchange (调休上班). Statutory limits and service levels count these days. A service's
/// instance holds its calendar years from its own <c>working_calendar_years</c> (<see cref="WorkingCalendarRefresh"/>);
/// a year it does not hold counts weekends only.
/// </summary>
public sealed class WorkCalendar
{
    // Replaced whole, never changed in place: each question reads one snapshot, so a change arriving meanwhile
    // cannot mix two versions of a year into one deadline.
    private FrozenDictionary<int, CalendarYear> _years;

    /// <summary>A calendar of explicit days (version 0 of their years), as rules and tests state them.</summary>
    public WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekendDays)
    {
        var holidayDays = holidays.ToList();
        var workingDays = workingWeekendDays.ToList();
        _years = holidayDays.Concat(workingDays).Select(d => d.Year).Distinct()
            .ToFrozenDictionary(year => year, year => CalendarYear.Of(0,
                holidayDays.Where(d => d.Year == year), workingDays.Where(d => d.Year == year)));
    }

    /// <summary>A new calendar with no holidays and no 调休 days, for rules that need only weekends.</summary>
    public static WorkCalendar WeekendsOnly => new([], []);

    /// <summary>The version of <paramref name="year"/> held, or null when none is.</summary>
    public int? VersionOf(int year) => Volatile.Read(ref _years).TryGetValue(year, out var held) ? held.Version : null;

    /// <summary>
    /// Takes a year's days if <paramref name="version"/> is newer than the one held; returns whether it did. Versions
    /// come from the calendar's owner, one content per version, so any order of changes ends on the newest.
    /// </summary>
    public bool Apply(int year, int version, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekendDays)
    {
        var days = CalendarYear.Of(version, holidays, workingWeekendDays);
        while (true)
        {
            var current = Volatile.Read(ref _years);
            if (current.TryGetValue(year, out var held) && held.Version >= version)
                return false;
            var next = new Dictionary<int, CalendarYear>(current) { [year] = days }.ToFrozenDictionary();
            if (Interlocked.CompareExchange(ref _years, next, current) == current)
                return true;
        }
    }

    public bool IsWorkingDay(DateOnly day) => IsWorkingDay(Volatile.Read(ref _years), day);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var years = Volatile.Read(ref _years);
        var day = start;
        while (workingDays > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(years, day))
                workingDays--;
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]; zero when upTo is not later.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        var years = Volatile.Read(ref _years);
        var count = 0;
        for (var day = after.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            if (IsWorkingDay(years, day))
                count++;
        }

        return count;
    }

    private static bool IsWorkingDay(FrozenDictionary<int, CalendarYear> years, DateOnly day)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (!years.TryGetValue(day.Year, out var year))
            return !weekend;
        return weekend ? year.WorkingWeekendDays.Contains(day) : !year.Holidays.Contains(day);
    }

    private sealed record CalendarYear(int Version, FrozenSet<DateOnly> Holidays, FrozenSet<DateOnly> WorkingWeekendDays)
    {
        public static CalendarYear Of(int version, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekendDays) =>
            new(version, holidays.ToFrozenSet(), workingWeekendDays.ToFrozenSet());
    }
}
