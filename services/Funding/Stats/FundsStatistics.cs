using Zhaoshang.Funding.Money;

namespace Zhaoshang.Funding.Stats;

/// <summary>
/// What SQL adds up (StatsApi) of the verified reports in the filter, per district, industry and quarter: any group of
/// tallies adds up to that group's figures. Foreign: 境外 reports made in USD.
/// </summary>
public sealed record FundsTally(
    string District, string Industry, int Year, int Quarter, int Reports, decimal AmountCny, decimal FixedAssetsCny,
    decimal WorkingCapitalCny, decimal ForeignUsd, decimal ForeignCny);

public sealed record StatsFilter(int? Year, int? Quarter, string? District, string? Park, string? Industry);

/// <summary>An amount in 元 with the 万元 and 亿元 figures reports print.</summary>
public sealed record Amount(decimal Yuan, decimal Wan, decimal Yi)
{
    public static Amount Of(decimal yuan) => new(yuan, MoneyRules.InWan(yuan), MoneyRules.InYi(yuan));
}

public sealed record SectorShare(string Sector, Amount Amount, decimal? Share);

public sealed record Breakdown(string Key, Amount Amount);

public sealed record FundsStatisticsReport(
    StatsFilter Filter, int Reports, Amount Verified, Amount FixedAssets, Amount WorkingCapital, IReadOnlyList<SectorShare> Sectors,
    IReadOnlyList<Breakdown> ByDistrict, IReadOnlyList<Breakdown> ByQuarter, decimal ForeignUsd, Amount ForeignCny,
    Amount Contracted, decimal? ArrivalRate);

/// <summary>
/// Verified funds (到位资金) in a period: totals exact to the fen, shares by 一产/二产/三产, 实际利用外资 (境外 reports in
/// USD), 到位率 = verified ÷ the contracted investment of the projects in scope. Targets and their progress are the
/// project service's statistics' (GET /api/statistics).
/// </summary>
public static class FundsStatistics
{
    /// <param name="tallies">The verified reports of the filter's scope and period, added up (<see cref="FundsTally"/>).</param>
    /// <param name="contracted">The contracted investment of the projects in the filter's scope (any period).</param>
    /// <param name="sectorOf">The sector of an industry (<see cref="Sectors"/>), from the industry dictionary.</param>
    public static FundsStatisticsReport Compute(
        StatsFilter filter, IReadOnlyList<FundsTally> tallies, decimal contracted, Func<string, string> sectorOf)
    {
        var total = tallies.Sum(t => t.AmountCny);
        return new FundsStatisticsReport(
            filter, tallies.Sum(t => t.Reports), Amount.Of(total),
            Amount.Of(tallies.Sum(t => t.FixedAssetsCny)), Amount.Of(tallies.Sum(t => t.WorkingCapitalCny)),
            SectorShares(tallies, total, sectorOf),
            tallies.GroupBy(t => t.District).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Breakdown(g.Key, Amount.Of(g.Sum(t => t.AmountCny)))).ToList(),
            tallies.GroupBy(t => $"{t.Year}Q{t.Quarter}").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Breakdown(g.Key, Amount.Of(g.Sum(t => t.AmountCny)))).ToList(),
            tallies.Sum(t => t.ForeignUsd), Amount.Of(tallies.Sum(t => t.ForeignCny)), Amount.Of(contracted), MoneyRules.Share(total, contracted));
    }

    /// <summary>一产, 二产 and 三产 always; 未分类 only when some funds are in industries the bureau has not classified.</summary>
    private static List<SectorShare> SectorShares(IReadOnlyList<FundsTally> tallies, decimal total, Func<string, string> sectorOf)
    {
        var bySector = tallies.GroupBy(t => sectorOf(t.Industry)).ToDictionary(g => g.Key, g => g.Sum(t => t.AmountCny));
        var sectors = bySector.GetValueOrDefault(Sectors.Unclassified) > 0 ? Sectors.Classified.Append(Sectors.Unclassified) : Sectors.Classified;
        return sectors.Select(sector => (sector, sum: bySector.GetValueOrDefault(sector)))
            .Select(s => new SectorShare(s.sector, Amount.Of(s.sum), MoneyRules.Share(s.sum, total)))
            .ToList();
    }
}
