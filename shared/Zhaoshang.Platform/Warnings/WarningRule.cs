using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.Platform.Warnings;

/// <summary>Configuration section <c>Warnings</c>, the same in every service that grades deadlines.</summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    /// <summary>Yellow from this many working days before the deadline (0: only on the day itself).</summary>
    public int YellowWithinWorkingDays { get; set; } = 3;

    /// <summary>Red for more than this many working days escalates to the 包保领导.</summary>
    public int EscalateToLeaderAfter { get; set; } = 5;

    /// <summary>Red for more than this many working days escalates to the bureau.</summary>
    public int EscalateToBureauAfter { get; set; } = 10;
}

/// <summary>Where a deadline stands on a day, and by how many working days (left while green or yellow, late once red).</summary>
public readonly record struct WarningStanding(string? Grade, int WorkingDays)
{
    public bool IsGreen => Grade is null;
}

/// <summary>
/// The one grading rule for every deadline (nodes, intent service levels, approval items), counted in working days so
/// that a deadline before a holiday turns yellow early enough and one after it does not turn red during it.
/// </summary>
public sealed class WarningRule(WarningOptions options, WorkCalendar calendar)
{
    public WarningStanding On(DateOnly dueOn, DateOnly asOf)
    {
        if (asOf > dueOn)
        {
            var late = calendar.WorkingDaysBetween(dueOn, asOf);
            // Overdue only by non-working days (a deadline on Friday, looked at on Sunday) is still late: red.
            var grade = late > options.EscalateToBureauAfter ? WarningGrades.Bureau
                : late > options.EscalateToLeaderAfter ? WarningGrades.Leader
                : WarningGrades.Red;
            return new WarningStanding(grade, late);
        }

        var left = calendar.WorkingDaysBetween(asOf, dueOn);
        return new WarningStanding(left <= options.YellowWithinWorkingDays ? WarningGrades.Yellow : null, left);
    }
}
