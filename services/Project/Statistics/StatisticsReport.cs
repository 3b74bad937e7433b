namespace Zhaoshang.Project.Statistics;

/// <summary>An amount in 元, exact to the fen, with the 万元 and 亿元 figures reports print (as funding's statistics show it).</summary>
public sealed record Amount(decimal Yuan, decimal Wan, decimal Yi)
{
    public static readonly Amount Zero = Of(0m);

    public static Amount Of(decimal yuan) => new(
        decimal.Round(yuan, 2, MidpointRounding.AwayFromZero),
        decimal.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero),
        decimal.Round(yuan / 100_000_000m, 4, MidpointRounding.AwayFromZero));
}

public sealed record StatisticsPeriod(int Year, int? Quarter, int? Month, DateOnly From, DateOnly To);

public sealed record StatisticsFilter(string? District, string? Park, string? Industry, string? Chain, string? Sector, string? Region);

/// <summary>Projects signed in the period by contracted investment: ≥ 1亿元 and ≥ 10亿元.</summary>
public sealed record InvestmentBands(int AtLeast100Million, int AtLeast1Billion);

/// <summary>首谈: projects the district negotiated first, transferred away and signed in the period elsewhere.</summary>
public sealed record FirstTalkCredit(int Count, Amount SignedAmount);

/// <summary>签约率, 开工率, 落地率, 投产率 and 到位率 on the period's cohort as of its last day; null when the base is 0.</summary>
public sealed record StatisticsRates(
    decimal? SigningRate, decimal? StartRate, decimal? LandingRate, decimal? ProductionRate, decimal? FundsInPlaceRate);

public sealed record StatisticsFigures(
    int ProjectsOpened, int SignedCount, Amount SignedAmount, int RegisteredCount, int LandAcquiredCount, int StartedCount,
    int InProductionCount, int StartedOnLandDay, InvestmentBands Bands, Amount FundsInPlace, decimal ForeignCapitalUsd,
    FirstTalkCredit FirstTalkCredit, StatisticsRates Rates);

/// <summary>Growth on the same period a year earlier, (now − last) ÷ last; null when last year's figure is 0.</summary>
public sealed record YearOnYear(
    decimal? SignedCount, decimal? SignedAmount, decimal? StartedCount, decimal? FundsInPlace, decimal? ForeignCapitalUsd);

public sealed record StatisticsGroup(string Key, StatisticsFigures Figures);

public sealed record DistrictRank(
    int Rank, string District, int SignedCount, Amount SignedAmount, int StartedCount, Amount FundsInPlace, decimal ForeignCapitalUsd);

public sealed record TargetProgress(StatisticsIndicator Indicator, string? District, decimal Target, decimal Actual, decimal? Progress);

public sealed record StatisticsReport(
    StatisticsPeriod Period, StatisticsFilter Filter, StatisticsFigures Current, StatisticsFigures LastYear, YearOnYear YearOnYear,
    IReadOnlyList<StatisticsGroup> Groups, IReadOnlyList<DistrictRank> DistrictRanking, IReadOnlyList<TargetProgress> Targets);

/// <summary>What a yearly target (目标) measures.</summary>
public enum StatisticsIndicator
{
    /// <summary>到位资金, 元</summary>
    FundsInPlaceCny,
    /// <summary>实际利用外资, 美元</summary>
    ForeignCapitalUsd,
    /// <summary>签约项目数</summary>
    SignedCount,
    /// <summary>签约额, 元</summary>
    SignedAmountCny,
    /// <summary>开工项目数</summary>
    StartedCount,
    /// <summary>投产项目数</summary>
    InProductionCount,
}

public enum StatisticsGrouping
{
    District, Park, Industry, Chain, Sector, Region, Quarter, Month,
}
