using Zhaoshang.Platform.Dictionaries;

namespace Zhaoshang.Funding.Money;

/// <summary>Money is decimal 元, exact to the fen (0.01); every rounding happens here.</summary>
public static class MoneyRules
{
    public static decimal ToFen(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A foreign amount in 元 at the day's rate (CNY per unit), rounded to the fen.</summary>
    public static decimal ToCny(decimal amount, decimal cnyPerUnit) => ToFen(amount * cnyPerUnit);

    /// <summary>万元 with two decimals, as reports show it.</summary>
    public static decimal InWan(decimal yuan) => decimal.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>亿元 with four decimals.</summary>
    public static decimal InYi(decimal yuan) => decimal.Round(yuan / 100_000_000m, 4, MidpointRounding.AwayFromZero);

    public static decimal? Share(decimal part, decimal whole) =>
        whole == 0 ? null : decimal.Round(part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits an award into stages by their shares: each stage rounded down to the fen, the last one takes the
    /// remainder, so the stages always add up to the award exactly.
    /// </summary>
    public static IReadOnlyList<decimal> SplitIntoStages(decimal award, IReadOnlyList<decimal> shares)
    {
        if (shares.Count == 0 || shares.Any(s => s <= 0) || shares.Sum() != 1m)
            throw new ArgumentException("Stage shares must be positive and add up to 1.", nameof(shares));
        var stages = shares.Take(shares.Count - 1).Select(s => Math.Floor(award * s * 100m) / 100m).ToList();
        stages.Add(award - stages.Sum());
        return stages;
    }
}

/// <summary>
/// 一产/二产/三产: the sector a project's industry belongs to, for the statistics' shares, as the bureau's industry
/// dictionary (this service's copy) classifies it; an industry it has not classified or does not know is 未分类, never
/// guessed.
/// </summary>
public static class Sectors
{
    public const string Primary = "一产";
    public const string Secondary = "二产";
    public const string Tertiary = "三产";
    public const string Unclassified = BureauDictionaries.Unclassified;

    public static readonly string[] Classified = [Primary, Secondary, Tertiary];
}
