namespace Zhaoshang.Platform.Calendar;

/// <summary>
/// Working days as government offices keep them: Monday to Friday, less public holidays, plus the weekend days
/// declared working days in exchange (调休上班). Statutory limits and service levels count these days.
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;

    public WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekendDays)
    {
        _holidays = holidays.ToHashSet();
        _workingWeekendDays = workingWeekendDays.ToHashSet();
    }

    public static WorkCalendar WeekendsOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekendDays.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        while (workingDays > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                workingDays--;
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]; zero when upTo is not later.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        var count = 0;
        for (var day = after.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }

        return count;
    }
}
