using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Project.Statistics;

/// <summary>
/// The quarterly 招商引资调度会 workbook's sheets (no I/O): 总览 (the scope's figures against last year and the targets), then
/// 签约, 开工, 到位资金 and 利用外资 by district. Amounts in 元 are shown in 万元, foreign capital in 美元.
/// </summary>
public static class MeetingWorkbook
{
    private static readonly string[] DistrictHeaders = ["区县", "本期", "去年同期", "同比", "本年累计", "年度目标", "完成率"];

    private static readonly (string Sheet, string Label, StatisticsIndicator Indicator)[] Measures =
    [
        ("签约", "签约项目数（个）", StatisticsIndicator.SignedCount),
        ("开工", "开工项目数（个）", StatisticsIndicator.StartedCount),
        ("到位资金", "到位资金（万元）", StatisticsIndicator.FundsInPlaceCny),
        ("利用外资", "实际利用外资（美元）", StatisticsIndicator.ForeignCapitalUsd),
    ];

    private static readonly (string Label, StatisticsIndicator Indicator)[] Overview =
    [
        ("签约项目数（个）", StatisticsIndicator.SignedCount),
        ("签约额（万元）", StatisticsIndicator.SignedAmountCny),
        ("开工项目数（个）", StatisticsIndicator.StartedCount),
        ("投产项目数（个）", StatisticsIndicator.InProductionCount),
        ("到位资金（万元）", StatisticsIndicator.FundsInPlaceCny),
        ("实际利用外资（美元）", StatisticsIndicator.ForeignCapitalUsd),
    ];

    /// <param name="district">District staff's own district; null for the whole city (each district a row, then 合计).</param>
    /// <param name="tallies">The period's, last year's and the year to date's (StatisticsCalculator.Windows without grouping).</param>
    public static IReadOnlyList<SheetRows> Build(string? district, IReadOnlyList<StatisticsTally> tallies, IReadOnlyList<StatisticsTarget> targets)
    {
        var scope = Figures(district, tallies);
        var districts = district is null
            ? tallies.Select(t => t.District).Concat(targets.Select(t => t.District).OfType<string>()).Distinct().Order(StringComparer.Ordinal).ToList()
            : [district];
        var byDistrict = districts.ToDictionary(d => d, d => Figures(d, tallies));
        decimal? Target(string? d, StatisticsIndicator i) => targets.FirstOrDefault(t => t.District == d && t.Indicator == i)?.Value;

        var sheets = new List<SheetRows>
        {
            new("总览", ["指标", "本期", "去年同期", "同比", "本年累计", "年度目标", "完成率"],
                Overview.Select(o => Row(o.Label, o.Indicator, scope, Target(district, o.Indicator))).ToList()),
        };
        foreach (var (sheet, label, indicator) in Measures)
        {
            var rows = districts.Select(d => Row(d, indicator, byDistrict[d], Target(d, indicator))).ToList();
            if (district is null)
                rows.Add(Row("合计", indicator, scope, Target(null, indicator)));
            sheets.Add(new SheetRows(sheet, [.. DistrictHeaders.Take(1), .. DistrictHeaders.Skip(1).Select(h => $"{h}：{label}")], rows));
        }
        return sheets;
    }

    private sealed record Comparison(StatisticsFigures Now, StatisticsFigures LastYear, StatisticsFigures YearToDate);

    private static Comparison Figures(string? district, IReadOnlyList<StatisticsTally> tallies)
    {
        var own = district is null ? tallies : tallies.Where(t => t.District == district).ToList();
        return new Comparison(
            StatisticsCalculator.Figures(StatisticsCalculator.Of(own, StatisticsCalculator.Current)),
            StatisticsCalculator.Figures(StatisticsCalculator.Of(own, StatisticsCalculator.LastYear)),
            StatisticsCalculator.Figures(StatisticsCalculator.Of(own, StatisticsCalculator.YearToDate)));
    }

    private static IReadOnlyList<object?> Row(string label, StatisticsIndicator indicator, Comparison figures, decimal? target)
    {
        var now = StatisticsCalculator.Actual(indicator, figures.Now);
        var last = StatisticsCalculator.Actual(indicator, figures.LastYear);
        var yearToDate = StatisticsCalculator.Actual(indicator, figures.YearToDate);
        return [label, Shown(indicator, now), Shown(indicator, last), StatisticsCalculator.Growth(now, last), Shown(indicator, yearToDate),
            target is { } t ? Shown(indicator, t) : null, target is { } d && d != 0 ? decimal.Round(yearToDate / d, 4, MidpointRounding.AwayFromZero) : null];
    }

    private static decimal Shown(StatisticsIndicator indicator, decimal value) =>
        indicator is StatisticsIndicator.FundsInPlaceCny or StatisticsIndicator.SignedAmountCny
            ? decimal.Round(value / 10_000m, 2, MidpointRounding.AwayFromZero)
            : value;
}
