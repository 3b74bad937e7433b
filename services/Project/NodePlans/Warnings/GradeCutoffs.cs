using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Project.NodePlans.Warnings;

/// <summary>
/// The planned dates that give a node still open on <see cref="AsOf"/> each grade, so that a list filters and orders by
/// planned date off the open nodes' index instead of grading every open node. They are <see cref="WarningRule"/>'s grades:
/// its working-day counts only grow as the planned date moves away from the day, so each grade is one range of dates.
/// </summary>
public sealed record GradeCutoffs(DateOnly AsOf, DateOnly YellowUntil, DateOnly LeaderBefore, DateOnly BureauBefore)
{
    public static GradeCutoffs On(DateOnly asOf, WarningOptions options, WorkCalendar calendar) => new(
        asOf,
        OpenNodes.WindowEnd(asOf, options.YellowWithinWorkingDays, calendar),
        LateBefore(asOf, options.EscalateToLeaderAfter, calendar),
        LateBefore(asOf, options.EscalateToBureauAfter, calendar));

    /// <summary>The planned dates, first to last, of <paramref name="grade"/>, or of every grade but green when it is null.</summary>
    public (DateOnly From, DateOnly To) Planned(string? grade) => grade switch
    {
        null => (DateOnly.MinValue, YellowUntil),
        WarningGrades.Yellow => (AsOf, YellowUntil),
        // The rule tests bureau before leader: with the leader's limit the longer, the leader's range is empty.
        WarningGrades.Red => (Max(LeaderBefore, BureauBefore), AsOf.AddDays(-1)),
        WarningGrades.Leader => (BureauBefore, LeaderBefore.AddDays(-1)),
        WarningGrades.Bureau => (DateOnly.MinValue, BureauBefore.AddDays(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Not a warning grade."),
    };

    /// <summary>
    /// The first planned date late by no more than <paramref name="limit"/> working days on <paramref name="asOf"/>: the
    /// (limit + 1)-th working day back from asOf (itself counted), since a date before it has that day and limit more in
    /// (date, asOf]. Never after asOf: a date not yet past is not late at all.
    /// </summary>
    private static DateOnly LateBefore(DateOnly asOf, int limit, WorkCalendar calendar)
    {
        var day = asOf.AddDays(1);
        for (var counted = 0; counted <= limit;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
                counted++;
        }

        return Min(day, asOf);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
