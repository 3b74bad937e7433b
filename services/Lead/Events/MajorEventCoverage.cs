namespace Zhaoshang.Lead.Events;

/// <summary>每季度至少1场重大招商活动: which quarters of a year have no major event (starting in that quarter).</summary>
public static class MajorEventCoverage
{
    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    public static IReadOnlyList<int> QuartersWithoutMajorEvent(int year, IEnumerable<(DateOnly StartsOn, bool Major)> events)
    {
        var covered = events.Where(e => e.Major && e.StartsOn.Year == year).Select(e => QuarterOf(e.StartsOn)).ToHashSet();
        return Enumerable.Range(1, 4).Where(q => !covered.Contains(q)).ToList();
    }
}
