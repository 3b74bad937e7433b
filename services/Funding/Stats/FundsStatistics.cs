using Zhaoshang.Funding.Money;

namespace Zhaoshang.Funding.Stats;

/// <summary>One verified report with the project facts the statistics group by.</summary>
public sealed record VerifiedFunds(
    Guid ProjectId, string District, string Park, string Industry, string Currency, decimal Amount, decimal AmountCny,
    string Source, string Use, DateOnly ReportedOn);

/// <summary>A project's contracted investment (签约额), for 到位率.</summary>
public sealed record ContractedProject(Guid ProjectId, string District, string Park, string Industry, decimal ContractedCny);

public sealed record StatsFilter(int? Year, int? Quarter, string? District, string? Park, string? Industry)
{
    public bool Includes(string district, string park, string industry) =>
        (District is null || District == district) && (Park is null || Park == park) && (Industry is null || Industry == industry);

    public bool InPeriod(DateOnly day) =>
        (Year is null || day.Year == Year) && (Quarter is null || (day.Month - 1) / 3 + 1 == Quarter);
}

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
    /// <param name="sectorOf">The sector of an industry (<see cref="Sectors"/>), from the industry dictionary.</param>
    public static FundsStatisticsReport Compute(
        StatsFilter filter, IEnumerable<VerifiedFunds> verified, IEnumerable<ContractedProject> projects, Func<string, string> sectorOf)
    {
        var reports = verified.Where(r => filter.Includes(r.District, r.Park, r.Industry) && filter.InPeriod(r.ReportedOn)).ToList();
        var total = reports.Sum(r => r.AmountCny);
        var foreign = reports.Where(r => r.Source == "Abroad" && r.Currency == "USD").ToList();
        var contracted = projects.Where(p => filter.Includes(p.District, p.Park, p.Industry)).Sum(p => p.ContractedCny);
        var foreignUsd = foreign.Sum(r => r.Amount);

        return new FundsStatisticsReport(
            filter, reports.Count, Amount.Of(total),
            Amount.Of(reports.Where(r => r.Use == "FixedAssets").Sum(r => r.AmountCny)),
            Amount.Of(reports.Where(r => r.Use == "WorkingCapital").Sum(r => r.AmountCny)),
            SectorShares(reports, total, sectorOf),
            reports.GroupBy(r => r.District).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Breakdown(g.Key, Amount.Of(g.Sum(r => r.AmountCny)))).ToList(),
            reports.GroupBy(r => $"{r.ReportedOn.Year}Q{(r.ReportedOn.Month - 1) / 3 + 1}").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Breakdown(g.Key, Amount.Of(g.Sum(r => r.AmountCny)))).ToList(),
            foreignUsd, Amount.Of(foreign.Sum(r => r.AmountCny)), Amount.Of(contracted), MoneyRules.Share(total, contracted));
    }

    /// <summary>一产, 二产 and 三产 always; 未分类 only when some funds are in industries the bureau has not classified.</summary>
    private static List<SectorShare> SectorShares(List<VerifiedFunds> reports, decimal total, Func<string, string> sectorOf)
    {
        var bySector = reports.GroupBy(r => sectorOf(r.Industry)).ToDictionary(g => g.Key, g => g.Sum(r => r.AmountCny));
        var sectors = bySector.GetValueOrDefault(Sectors.Unclassified) > 0 ? Sectors.Classified.Append(Sectors.Unclassified) : Sectors.Classified;
        return sectors.Select(sector => (sector, sum: bySector.GetValueOrDefault(sector)))
            .Select(s => new SectorShare(s.sector, Amount.Of(s.sum), MoneyRules.Share(s.sum, total)))
            .ToList();
    }
}
