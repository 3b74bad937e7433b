using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.UnitTests;

public class WorkCalendarTests
{
    // National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
    private static readonly WorkCalendar China2026 = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        [new DateOnly(2026, 10, 10)]);

    [Fact]
    public void One_working_day_after_a_friday_is_monday()
    {
        var friday = new DateOnly(2026, 11, 20);
        Assert.Equal(new DateOnly(2026, 11, 23), WorkCalendar.WeekendsOnly.AddWorkingDays(friday, 1));
    }

    [Fact]
    public void Three_working_days_skip_the_weekend()
    {
        var wednesday = new DateOnly(2026, 11, 18);
        Assert.Equal(new DateOnly(2026, 11, 23), WorkCalendar.WeekendsOnly.AddWorkingDays(wednesday, 3));
    }

    [Fact]
    public void Holidays_do_not_count_and_a_declared_working_saturday_does()
    {
        var lastDayOfSeptember = new DateOnly(2026, 9, 30);
        Assert.Equal(new DateOnly(2026, 10, 8), China2026.AddWorkingDays(lastDayOfSeptember, 1));
        Assert.Equal(new DateOnly(2026, 10, 10), China2026.AddWorkingDays(lastDayOfSeptember, 3));
        Assert.True(China2026.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(China2026.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.False(China2026.IsWorkingDay(new DateOnly(2026, 10, 11)));
    }

    [Fact]
    public void Working_days_between_counts_the_later_day_but_not_the_earlier()
    {
        Assert.Equal(5, WorkCalendar.WeekendsOnly.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27)));
        Assert.Equal(0, WorkCalendar.WeekendsOnly.WorkingDaysBetween(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)));
        Assert.Equal(3, China2026.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void A_year_is_replaced_only_by_a_newer_version_and_the_other_years_stay()
    {
        var calendar = new WorkCalendar([new DateOnly(2027, 1, 1)], []);
        var nationalDay = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).ToArray();

        Assert.True(calendar.Apply(2026, 2, nationalDay, [new DateOnly(2026, 10, 10)]));
        Assert.False(calendar.Apply(2026, 1, [], []));
        Assert.False(calendar.Apply(2026, 2, [], []));

        Assert.Equal(2, calendar.VersionOf(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Null(calendar.VersionOf(2028));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 3)));

        Assert.True(calendar.Apply(2026, 3, [], []));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Zero_working_days_is_the_start_itself() =>
        Assert.Equal(new DateOnly(2026, 11, 21), WorkCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 21), 0));
}
