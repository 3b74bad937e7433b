using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.Kpis;

/// <summary>What the KPIs need of one project.</summary>
public sealed record KpiProject(
    Guid Id, string EnterpriseName, string District, string FirstDistrict, string? Park, string Industry, ProjectState State,
    DateOnly CreatedOn, DateOnly StateEnteredOn, DateOnly? SignedOn, string? CompanyName, DateOnly? LandAcquiredOn,
    DateOnly? ConstructionStartedOn);

public sealed record DaysSummary(int Count, decimal? Median, int? Worst);

public sealed record StuckProject(Guid Id, string EnterpriseName, ProjectState State, int Days);

public sealed record KpiReport(
    int? Year, string? District, int Projects, IReadOnlyDictionary<ProjectState, int> ByStage, int Signed, int Registered,
    int Started, decimal? StartRate, decimal? LandingRate, DaysSummary SigningToStart, DaysSummary LandToStart,
    int StartedOnLandDay, int FirstNegotiatedTransferredOut, IReadOnlyList<StuckProject> Stuck);

/// <summary>
/// The project KPIs. A project counts in the year it was signed (or, not yet signed, the year it was created), and in
/// the district it is in now; the district that negotiated first keeps the credit of those transferred away (首谈).
/// 开工率 = started ÷ signed; 落地率 = registered ÷ signed; days are calendar days.
/// </summary>
public static class KpiCalculator
{
    private static readonly ProjectState[] Closed = [ProjectState.InProduction, ProjectState.Terminated];

    public static KpiReport Compute(IReadOnlyList<KpiProject> all, int? year, string? district, DateOnly today, int stuckAfterDays)
    {
        bool InYear(KpiProject p) => year is null || (p.SignedOn ?? p.CreatedOn).Year == year;
        var projects = all.Where(p => InYear(p) && (district is null || p.District == district)).ToList();
        var signed = projects.Where(p => p.SignedOn is not null).ToList();
        var started = signed.Where(p => p.ConstructionStartedOn is not null).ToList();
        var registered = signed.Count(p => p.CompanyName is not null);
        var signingToStart = started.Select(p => p.ConstructionStartedOn!.Value.DayNumber - p.SignedOn!.Value.DayNumber).ToList();
        var landToStart = started.Where(p => p.LandAcquiredOn is not null)
            .Select(p => p.ConstructionStartedOn!.Value.DayNumber - p.LandAcquiredOn!.Value.DayNumber).ToList();

        return new KpiReport(
            year, district, projects.Count,
            Enum.GetValues<ProjectState>().ToDictionary(s => s, s => projects.Count(p => p.State == s)),
            signed.Count, registered, started.Count,
            Rate(started.Count, signed.Count), Rate(registered, signed.Count),
            Summarize(signingToStart), Summarize(landToStart), landToStart.Count(d => d == 0),
            district is null ? 0 : all.Count(p => InYear(p) && p.FirstDistrict == district && p.District != district),
            projects.Where(p => !Closed.Contains(p.State) && today.DayNumber - p.StateEnteredOn.DayNumber > stuckAfterDays)
                .Select(p => new StuckProject(p.Id, p.EnterpriseName, p.State, today.DayNumber - p.StateEnteredOn.DayNumber))
                .OrderByDescending(p => p.Days).ToList());
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);

    private static DaysSummary Summarize(IReadOnlyList<int> days)
    {
        if (days.Count == 0)
            return new DaysSummary(0, null, null);
        var sorted = days.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return new DaysSummary(days.Count, median, sorted[^1]);
    }
}
