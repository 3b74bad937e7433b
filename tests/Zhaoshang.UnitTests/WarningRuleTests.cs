using Zhaoshang.Contracts;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.UnitTests;

public class WarningRuleTests
{
    // National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
    private static readonly WorkCalendar China2026 = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 10, 10)]);

    private static readonly WarningRule Rule = new(
        new WarningOptions { YellowWithinWorkingDays = 2, EscalateToLeaderAfter = 3, EscalateToBureauAfter = 6 }, China2026);

    [Theory]
    [InlineData("2026-11-16", null, 4)]                     // Monday, deadline Friday: 4 working days left
    [InlineData("2026-11-18", WarningGrades.Yellow, 2)]
    [InlineData("2026-11-20", WarningGrades.Yellow, 0)]     // due today
    [InlineData("2026-11-22", WarningGrades.Red, 0)]        // Sunday after a Friday deadline: late, no working day lost yet
    [InlineData("2026-11-25", WarningGrades.Red, 3)]
    [InlineData("2026-11-26", WarningGrades.Leader, 4)]
    [InlineData("2026-11-30", WarningGrades.Leader, 6)]
    [InlineData("2026-12-01", WarningGrades.Bureau, 7)]
    public void Grades_a_friday_deadline_by_working_days(string asOf, string? grade, int workingDays)
    {
        var standing = Rule.On(new DateOnly(2026, 11, 20), DateOnly.Parse(asOf));
        Assert.Equal(grade, standing.Grade);
        Assert.Equal(workingDays, standing.WorkingDays);
    }

    [Fact]
    public void The_national_day_holiday_keeps_a_deadline_after_it_green()
    {
        // Due Friday 9 October; on 30 September two working days (8 and 9 October) are left: yellow already, where
        // counted in calendar days it would be nine days away.
        Assert.Equal(WarningGrades.Yellow, Rule.On(new DateOnly(2026, 10, 9), new DateOnly(2026, 9, 30)).Grade);
        Assert.Equal(2, Rule.On(new DateOnly(2026, 10, 9), new DateOnly(2026, 9, 30)).WorkingDays);
        // And a deadline before the holiday is not escalated by the holiday: 1 October to 7 October are not counted.
        Assert.Equal(WarningGrades.Red, Rule.On(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 7)).Grade);
    }

    [Fact]
    public void Warning_keys_name_the_item_the_deadline_and_the_grade()
    {
        Assert.Equal("node:n1:2026-11-20:red", WarningGrades.WarningKey("node:n1", new DateOnly(2026, 11, 20), WarningGrades.Red));
    }

    [Fact]
    public void A_lists_working_days_counted_once_per_due_date_are_the_rules_on_that_day()
    {
        var day = new DateOnly(2026, 10, 12);
        var days = new WarningsApi.WorkingDaysOn(day, Rule);
        DateOnly[] dueOn = [new(2026, 9, 30), new(2026, 10, 9), new(2026, 9, 30), new(2026, 10, 16), new(2026, 10, 9), new(2025, 12, 31)];
        Assert.Equal(dueOn.Select(d => Rule.On(d, day).WorkingDays), dueOn.Select(days.Of));
    }
}
