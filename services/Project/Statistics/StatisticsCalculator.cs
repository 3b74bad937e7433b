namespace Zhaoshang.Project.Statistics;

/// <summary>What the statistics need of one project: where it is now, where it was first negotiated, its days.</summary>
public sealed record StatisticsProject(
    Guid Id, string District, string FirstDistrict, string? Park, string Industry, string? HqRegion, DateOnly OpenedOn,
    DateOnly? SignedOn, decimal? ContractedInvestment, DateOnly? RegisteredOn, DateOnly? LandAcquiredOn,
    DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn);

/// <summary>One verified funds report (到位资金): in 元, and for 实际利用外资 its USD equivalent when funding sent one.</summary>
public sealed record StatisticsFunds(
    Guid ReportId, Guid ProjectId, DateOnly ReportedOn, decimal AmountCny, string? Currency, decimal? Amount, decimal? AmountUsd,
    string? Source);

/// <summary>How the bureau's dictionaries classify a project: its industry's name, sector and chain, its source region.</summary>
public sealed record StatisticsDimensions(
    Func<string, string> IndustryOf, Func<string, string> SectorOf, Func<string, string> ChainOf, Func<string?, string> RegionOf);

public sealed record StatisticsTarget(StatisticsIndicator Indicator, string? District, decimal Value, int Version);

/// <summary>
/// The leadership statistics, computed from the projects and verified funds the query read (no I/O). A project counts in
/// the district and park it is in now; each figure counts the projects whose event day (opened, signed, registered, land,
/// started, in production) falls in the period. Rates are on the period's cohort as of its last day (see the contract in
/// docs/architecture.md); 首谈 credit goes to the filter's district for projects it negotiated first and lost.
/// </summary>
public static class StatisticsCalculator
{
    public const string Unknown = "未知";
    public const string Abroad = "Abroad";

    public static StatisticsReport Compute(
        StatisticsPeriod period, StatisticsFilter filter, StatisticsGrouping? groupBy, bool cityWide,
        IReadOnlyList<StatisticsProject> projects, IReadOnlyList<StatisticsFunds> funds, IReadOnlyList<StatisticsTarget> targets,
        StatisticsDimensions dimensions)
    {
        var byId = projects.ToDictionary(p => p.Id);
        var inScope = projects.Where(p => Includes(filter, p, dimensions)).ToList();
        var scopedFunds = funds.Where(f => byId.TryGetValue(f.ProjectId, out var p) && Includes(filter, p, dimensions)).ToList();
        var lastYear = (From: period.From.AddYears(-1), To: period.To.AddYears(-1));

        var current = Figures(inScope, scopedFunds, period.From, period.To, filter.District, projects);
        var last = Figures(inScope, scopedFunds, lastYear.From, lastYear.To, filter.District, projects);
        var groups = groupBy is { } g ? Groups(g, period, inScope, scopedFunds, dimensions) : [];
        var ranking = cityWide ? Ranking(inScope, scopedFunds, period) : [];
        var yearStart = new DateOnly(period.Year, 1, 1);
        var progress = targets
            .Where(t => filter.District is null || t.District == filter.District)
            .OrderBy(t => t.District ?? "", StringComparer.Ordinal).ThenBy(t => t.Indicator)
            .Select(t =>
            {
                var own = t.District is null ? inScope : inScope.Where(p => p.District == t.District).ToList();
                var ownFunds = t.District is null ? scopedFunds : scopedFunds.Where(f => byId[f.ProjectId].District == t.District).ToList();
                var actual = Actual(t.Indicator, Figures(own, ownFunds, yearStart, period.To, null, projects));
                return new TargetProgress(t.Indicator, t.District, t.Value, actual, Ratio(actual, t.Value));
            })
            .ToList();
        return new StatisticsReport(period, filter, current, last, Growth(current, last), groups, ranking, progress);
    }

    /// <summary>The figure a target of <paramref name="indicator"/> is measured against.</summary>
    public static decimal Actual(StatisticsIndicator indicator, StatisticsFigures figures) => indicator switch
    {
        StatisticsIndicator.FundsInPlaceCny => figures.FundsInPlace.Yuan,
        StatisticsIndicator.ForeignCapitalUsd => figures.ForeignCapitalUsd,
        StatisticsIndicator.SignedCount => figures.SignedCount,
        StatisticsIndicator.SignedAmountCny => figures.SignedAmount.Yuan,
        StatisticsIndicator.StartedCount => figures.StartedCount,
        StatisticsIndicator.InProductionCount => figures.InProductionCount,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>(now − last) ÷ last to 4 places; null when last is 0.</summary>
    public static decimal? Growth(decimal now, decimal last) => last == 0 ? null : Round4((now - last) / last);

    /// <summary>
    /// 实际利用外资 of one report in USD: funding's USD equivalent; for a report from before funding sent one, its amount when
    /// reported in USD, else nothing (it cannot be converted here).
    /// </summary>
    public static decimal ForeignUsd(StatisticsFunds report) =>
        report.Source != Abroad ? 0m : report.AmountUsd ?? (report.Currency == "USD" ? report.Amount ?? 0m : 0m);

    public static StatisticsFigures Figures(
        IReadOnlyList<StatisticsProject> projects, IReadOnlyList<StatisticsFunds> funds, DateOnly from, DateOnly to,
        string? creditedDistrict, IReadOnlyList<StatisticsProject> all)
    {
        bool In(DateOnly? day) => day >= from && day <= to;
        bool ByEnd(DateOnly? day) => day <= to;
        var opened = projects.Where(p => In(p.OpenedOn)).ToList();
        var signed = projects.Where(p => In(p.SignedOn)).ToList();
        var cohortIds = signed.Select(p => p.Id).ToHashSet();
        var contracted = signed.Sum(p => p.ContractedInvestment ?? 0m);
        var inPeriod = funds.Where(f => In(f.ReportedOn)).ToList();
        var credited = creditedDistrict is null
            ? []
            : all.Where(p => p.FirstDistrict == creditedDistrict && p.District != creditedDistrict && In(p.SignedOn)).ToList();

        return new StatisticsFigures(
            opened.Count, signed.Count, Amount.Of(contracted),
            projects.Count(p => In(p.RegisteredOn)), projects.Count(p => In(p.LandAcquiredOn)),
            projects.Count(p => In(p.ConstructionStartedOn)), projects.Count(p => In(p.ProductionStartedOn)),
            projects.Count(p => In(p.ConstructionStartedOn) && p.ConstructionStartedOn == p.LandAcquiredOn),
            new InvestmentBands(
                signed.Count(p => p.ContractedInvestment >= 100_000_000m), signed.Count(p => p.ContractedInvestment >= 1_000_000_000m)),
            Amount.Of(inPeriod.Sum(f => f.AmountCny)), inPeriod.Sum(ForeignUsd),
            new FirstTalkCredit(credited.Count, Amount.Of(credited.Sum(p => p.ContractedInvestment ?? 0m))),
            new StatisticsRates(
                Ratio(opened.Count(p => ByEnd(p.SignedOn)), opened.Count),
                Ratio(signed.Count(p => ByEnd(p.ConstructionStartedOn)), signed.Count),
                Ratio(signed.Count(p => ByEnd(p.RegisteredOn)), signed.Count),
                Ratio(signed.Count(p => ByEnd(p.ProductionStartedOn)), signed.Count),
                Ratio(funds.Where(f => cohortIds.Contains(f.ProjectId) && ByEnd(f.ReportedOn)).Sum(f => f.AmountCny), contracted)));
    }

    private static bool Includes(StatisticsFilter filter, StatisticsProject p, StatisticsDimensions d) =>
        (filter.District is null || p.District == filter.District)
        && (filter.Park is null || p.Park == filter.Park)
        && (filter.Industry is null || d.IndustryOf(p.Industry) == filter.Industry)
        && (filter.Chain is null || d.ChainOf(p.Industry) == filter.Chain)
        && (filter.Sector is null || d.SectorOf(p.Industry) == filter.Sector)
        && (filter.Region is null || d.RegionOf(p.HqRegion) == filter.Region);

    private static YearOnYear Growth(StatisticsFigures now, StatisticsFigures last) => new(
        Growth(now.SignedCount, last.SignedCount), Growth(now.SignedAmount.Yuan, last.SignedAmount.Yuan),
        Growth(now.StartedCount, last.StartedCount), Growth(now.FundsInPlace.Yuan, last.FundsInPlace.Yuan),
        Growth(now.ForeignCapitalUsd, last.ForeignCapitalUsd));

    private static List<StatisticsGroup> Groups(
        StatisticsGrouping groupBy, StatisticsPeriod period, List<StatisticsProject> projects, List<StatisticsFunds> funds,
        StatisticsDimensions d)
    {
        if (groupBy is StatisticsGrouping.Quarter or StatisticsGrouping.Month)
            return SubPeriods(groupBy, period)
                .Select(s => new StatisticsGroup(s.Key, Figures(projects, funds, s.From, s.To, null, projects)))
                .ToList();
        Func<StatisticsProject, string> keyOf = groupBy switch
        {
            StatisticsGrouping.District => p => p.District,
            StatisticsGrouping.Park => p => p.Park ?? Unclassified,
            StatisticsGrouping.Industry => p => d.IndustryOf(p.Industry),
            StatisticsGrouping.Chain => p => d.ChainOf(p.Industry),
            StatisticsGrouping.Sector => p => d.SectorOf(p.Industry),
            _ => p => d.RegionOf(p.HqRegion),
        };
        return projects.GroupBy(keyOf)
            .Select(g =>
            {
                var ids = g.Select(p => p.Id).ToHashSet();
                return new StatisticsGroup(g.Key, Figures(g.ToList(), funds.Where(f => ids.Contains(f.ProjectId)).ToList(), period.From, period.To, null, projects));
            })
            .Where(g => !IsEmpty(g.Figures))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    private const string Unclassified = "未分类";

    private static IEnumerable<(string Key, DateOnly From, DateOnly To)> SubPeriods(StatisticsGrouping groupBy, StatisticsPeriod period)
    {
        var months = groupBy == StatisticsGrouping.Quarter ? 3 : 1;
        for (var start = period.From; start <= period.To; start = start.AddMonths(months))
            yield return (groupBy == StatisticsGrouping.Quarter ? $"{start.Year}Q{(start.Month - 1) / 3 + 1}" : $"{start:yyyy-MM}",
                start, Earlier(start.AddMonths(months).AddDays(-1), period.To));
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<DistrictRank> Ranking(
        List<StatisticsProject> projects, List<StatisticsFunds> funds, StatisticsPeriod period) =>
        projects.GroupBy(p => p.District)
            .Select(g =>
            {
                var ids = g.Select(p => p.Id).ToHashSet();
                return (District: g.Key, Figures: Figures(g.ToList(), funds.Where(f => ids.Contains(f.ProjectId)).ToList(), period.From, period.To, null, projects));
            })
            .Where(r => !IsEmpty(r.Figures))
            .OrderByDescending(r => r.Figures.FundsInPlace.Yuan).ThenByDescending(r => r.Figures.SignedAmount.Yuan)
            .ThenBy(r => r.District, StringComparer.Ordinal)
            .Select((r, i) => new DistrictRank(
                i + 1, r.District, r.Figures.SignedCount, r.Figures.SignedAmount, r.Figures.StartedCount, r.Figures.FundsInPlace,
                r.Figures.ForeignCapitalUsd))
            .ToList();

    private static bool IsEmpty(StatisticsFigures f) =>
        f.ProjectsOpened == 0 && f.SignedCount == 0 && f.RegisteredCount == 0 && f.LandAcquiredCount == 0 && f.StartedCount == 0
        && f.InProductionCount == 0 && f.FundsInPlace.Yuan == 0 && f.ForeignCapitalUsd == 0;

    private static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : Round4(part / whole);

    private static decimal Round4(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);
}
