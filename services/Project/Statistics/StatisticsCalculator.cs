namespace Zhaoshang.Project.Statistics;

/// <summary>
/// What SQL adds up (StatisticsStore) for one window and the projects sharing a district, first district (首谈), park,
/// industry and source place: counts and sums, so that any group of them adds up to that group's figures. "Cohort" is the
/// projects signed in the window; "by end" means by the window's last day.
/// </summary>
public sealed record StatisticsTally(
    int Window, string District, string FirstDistrict, string? Park, string Industry, string? HqRegion,
    int Opened, int OpenedSignedByEnd, int Signed, decimal Contracted, int AtLeast100Million, int AtLeast1Billion,
    int CohortStartedByEnd, int CohortRegisteredByEnd, int CohortInProductionByEnd, decimal CohortFundsByEnd,
    int Registered, int LandAcquired, int Started, int InProduction, int StartedOnLandDay, decimal FundsCny, decimal ForeignUsd);

/// <summary>
/// What StatisticsStore added up for a read: the tallies, and the groups' own when it read them apart (the whole city's
/// period by industry alone, where the tallies are by district); null: the groups are the tallies'.
/// </summary>
public sealed record StatisticsTallies(IReadOnlyList<StatisticsTally> Tallies, IReadOnlyList<StatisticsTally>? Groups = null);

/// <summary>A span of days the figures are counted on; StatisticsTally.Window is its place in the list.</summary>
public sealed record StatisticsWindow(string Key, DateOnly From, DateOnly To);

/// <summary>How the bureau's dictionaries classify a project: its industry's name, sector and chain, its source region.</summary>
public sealed record StatisticsDimensions(
    Func<string, string> IndustryOf, Func<string, string> SectorOf, Func<string, string> ChainOf, Func<string?, string> RegionOf);

public sealed record StatisticsTarget(StatisticsIndicator Indicator, string? District, decimal Value, int Version);

/// <summary>
/// The leadership statistics, computed from what SQL added up per window and group (no I/O). A project counts in the
/// district and park it is in now; each figure counts the projects whose event day (opened, signed, registered, land,
/// started, in production) falls in the period. Rates are on the period's cohort as of its last day (see the contract in
/// docs/architecture.md); 首谈 credit goes to the filter's district for projects it negotiated first and lost.
/// </summary>
public static class StatisticsCalculator
{
    public const string Unknown = "未知";

    public const int Current = 0;
    public const int LastYear = 1;
    public const int YearToDate = 2;

    /// <summary>
    /// The windows a report counts on: the period, the same period a year earlier, the year up to the period's end, then the
    /// period's quarters or months when grouped by them.
    /// </summary>
    public static IReadOnlyList<StatisticsWindow> Windows(StatisticsPeriod period, StatisticsGrouping? groupBy)
    {
        List<StatisticsWindow> windows =
        [
            new("current", period.From, period.To), new("lastYear", period.From.AddYears(-1), period.To.AddYears(-1)),
            new("yearToDate", new DateOnly(period.Year, 1, 1), period.To),
        ];
        if (groupBy is StatisticsGrouping.Quarter or StatisticsGrouping.Month)
            windows.AddRange(SubPeriods(groupBy.Value, period));
        return windows;
    }

    public static StatisticsReport Compute(
        StatisticsPeriod period, StatisticsFilter filter, StatisticsGrouping? groupBy, bool cityWide,
        StatisticsTallies read, IReadOnlyList<StatisticsTarget> targets, StatisticsDimensions dimensions)
    {
        var windows = Windows(period, groupBy);
        List<StatisticsTally> InScope(IEnumerable<StatisticsTally> tallies) =>
            tallies.Where(t => (filter.District is null || t.District == filter.District) && Includes(filter, t, dimensions)).ToList();
        var inScope = InScope(read.Tallies);
        // 首谈: signed elsewhere, first negotiated in the filter's district, and in the rest of the filter.
        var credited = filter.District is null
            ? []
            : read.Tallies.Where(t => t.FirstDistrict == filter.District && t.District != filter.District && Includes(filter, t, dimensions)).ToList();

        var current = Figures(Of(inScope, Current), Of(credited, Current));
        var last = Figures(Of(inScope, LastYear), Of(credited, LastYear));
        var groups = groupBy is { } g ? Groups(g, windows, read.Groups is { } apart ? InScope(apart) : inScope, dimensions) : [];
        var ranking = cityWide ? Ranking(Of(inScope, Current)) : [];
        var yearToDate = Of(inScope, YearToDate);
        var progress = targets
            .Where(t => filter.District is null || t.District == filter.District)
            .OrderBy(t => t.District ?? "", StringComparer.Ordinal).ThenBy(t => t.Indicator)
            .Select(t =>
            {
                var actual = Actual(t.Indicator, Figures(t.District is null ? yearToDate : yearToDate.Where(y => y.District == t.District)));
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

    /// <summary>The figures of one window's tallies added up, with the 首谈 credit of <paramref name="credited"/>'s signings.</summary>
    public static StatisticsFigures Figures(IEnumerable<StatisticsTally> tallies, IEnumerable<StatisticsTally>? credited = null)
    {
        var t = Sum(tallies);
        var c = Sum(credited ?? []);
        return new StatisticsFigures(
            t.Opened, t.Signed, Amount.Of(t.Contracted), t.Registered, t.LandAcquired, t.Started, t.InProduction, t.StartedOnLandDay,
            new InvestmentBands(t.AtLeast100Million, t.AtLeast1Billion), Amount.Of(t.FundsCny), t.ForeignUsd,
            new FirstTalkCredit(c.Signed, Amount.Of(c.Contracted)),
            new StatisticsRates(
                Ratio(t.OpenedSignedByEnd, t.Opened), Ratio(t.CohortStartedByEnd, t.Signed), Ratio(t.CohortRegisteredByEnd, t.Signed),
                Ratio(t.CohortInProductionByEnd, t.Signed), Ratio(t.CohortFundsByEnd, t.Contracted)));
    }

    /// <summary>The tallies of <paramref name="window"/>.</summary>
    public static List<StatisticsTally> Of(IEnumerable<StatisticsTally> tallies, int window) => tallies.Where(t => t.Window == window).ToList();

    /// <summary>The tallies' counts and sums added up (their keys left empty).</summary>
    internal static StatisticsTally Sum(IEnumerable<StatisticsTally> tallies) => tallies.Aggregate(
        new StatisticsTally(0, "", "", null, "", null, 0, 0, 0, 0m, 0, 0, 0, 0, 0, 0m, 0, 0, 0, 0, 0, 0m, 0m),
        (a, b) => a with
        {
            Opened = a.Opened + b.Opened, OpenedSignedByEnd = a.OpenedSignedByEnd + b.OpenedSignedByEnd, Signed = a.Signed + b.Signed,
            Contracted = a.Contracted + b.Contracted, AtLeast100Million = a.AtLeast100Million + b.AtLeast100Million,
            AtLeast1Billion = a.AtLeast1Billion + b.AtLeast1Billion, CohortStartedByEnd = a.CohortStartedByEnd + b.CohortStartedByEnd,
            CohortRegisteredByEnd = a.CohortRegisteredByEnd + b.CohortRegisteredByEnd,
            CohortInProductionByEnd = a.CohortInProductionByEnd + b.CohortInProductionByEnd,
            CohortFundsByEnd = a.CohortFundsByEnd + b.CohortFundsByEnd, Registered = a.Registered + b.Registered,
            LandAcquired = a.LandAcquired + b.LandAcquired, Started = a.Started + b.Started, InProduction = a.InProduction + b.InProduction,
            StartedOnLandDay = a.StartedOnLandDay + b.StartedOnLandDay, FundsCny = a.FundsCny + b.FundsCny, ForeignUsd = a.ForeignUsd + b.ForeignUsd,
        });

    /// <summary>The filter's park, industry, chain, sector and source region (the district is the caller's to check).</summary>
    private static bool Includes(StatisticsFilter filter, StatisticsTally t, StatisticsDimensions d) =>
        (filter.Park is null || t.Park == filter.Park)
        && (filter.Industry is null || d.IndustryOf(t.Industry) == filter.Industry)
        && (filter.Chain is null || d.ChainOf(t.Industry) == filter.Chain)
        && (filter.Sector is null || d.SectorOf(t.Industry) == filter.Sector)
        && (filter.Region is null || d.RegionOf(t.HqRegion) == filter.Region);

    private static YearOnYear Growth(StatisticsFigures now, StatisticsFigures last) => new(
        Growth(now.SignedCount, last.SignedCount), Growth(now.SignedAmount.Yuan, last.SignedAmount.Yuan),
        Growth(now.StartedCount, last.StartedCount), Growth(now.FundsInPlace.Yuan, last.FundsInPlace.Yuan),
        Growth(now.ForeignCapitalUsd, last.ForeignCapitalUsd));

    private static List<StatisticsGroup> Groups(
        StatisticsGrouping groupBy, IReadOnlyList<StatisticsWindow> windows, List<StatisticsTally> tallies, StatisticsDimensions d)
    {
        if (groupBy is StatisticsGrouping.Quarter or StatisticsGrouping.Month)
            return windows.Select((w, i) => (w.Key, Index: i)).Skip(YearToDate + 1)
                .Select(w => new StatisticsGroup(w.Key, Figures(Of(tallies, w.Index))))
                .ToList();
        Func<StatisticsTally, string> keyOf = groupBy switch
        {
            StatisticsGrouping.District => t => t.District,
            StatisticsGrouping.Park => t => t.Park ?? Unclassified,
            StatisticsGrouping.Industry => t => d.IndustryOf(t.Industry),
            StatisticsGrouping.Chain => t => d.ChainOf(t.Industry),
            StatisticsGrouping.Sector => t => d.SectorOf(t.Industry),
            _ => t => d.RegionOf(t.HqRegion),
        };
        return Of(tallies, Current).GroupBy(keyOf)
            .Select(g => new StatisticsGroup(g.Key, Figures(g)))
            .Where(g => !IsEmpty(g.Figures))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    private const string Unclassified = "未分类";

    private static IEnumerable<StatisticsWindow> SubPeriods(StatisticsGrouping groupBy, StatisticsPeriod period)
    {
        var months = groupBy == StatisticsGrouping.Quarter ? 3 : 1;
        for (var start = period.From; start <= period.To; start = start.AddMonths(months))
            yield return new(groupBy == StatisticsGrouping.Quarter ? $"{start.Year}Q{(start.Month - 1) / 3 + 1}" : $"{start:yyyy-MM}",
                start, Earlier(start.AddMonths(months).AddDays(-1), period.To));
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<DistrictRank> Ranking(List<StatisticsTally> current) =>
        current.GroupBy(t => t.District)
            .Select(g => (District: g.Key, Figures: Figures(g)))
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
