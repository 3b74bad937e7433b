namespace Zhaoshang.Tests.Shared;

/// <summary>
/// Ten projects in two districts (A, B) over 2030 and 2031 (years no other test uses) and their verified funds, whose statistics were worked out by
/// hand (see the tests that use it). Project 7 was first negotiated in A and transferred to B; project 10 was terminated
/// after signing. Regions: 上海 is 长三角, 深圳 粤港澳大湾区, 新加坡 境外; 北京 京津冀.
/// </summary>
public static class StatisticsFixture
{
    public sealed record Project(
        int No, string District, string FirstDistrict, string Industry, string HqRegion, DateOnly OpenedOn, DateOnly? SignedOn,
        decimal? Contracted, DateOnly? RegisteredOn, DateOnly? LandOn, DateOnly? StartedOn, DateOnly? ProductionOn);

    /// <summary>A verified report: amount in 元, and for 境外 reports the currency, amount as reported and USD equivalent.</summary>
    public sealed record Funds(int No, int Project, DateOnly ReportedOn, decimal AmountCny, string Currency, decimal Amount, decimal? AmountUsd, string Source);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static readonly Project[] Projects =
    [
        new(1, "A", "A", "新材料", "上海", D(2031, 1, 10), D(2031, 2, 1), 150_000_000m, D(2031, 3, 1), D(2031, 4, 1), D(2031, 4, 1), null),
        new(2, "A", "A", "数字经济", "深圳", D(2031, 2, 5), D(2031, 3, 15), 1_200_000_000m, D(2031, 4, 10), D(2031, 5, 1), D(2031, 5, 20), D(2031, 11, 1)),
        new(3, "A", "A", "新材料", "新加坡", D(2031, 3, 1), null, null, null, null, null, null),
        new(4, "A", "A", "高原特色农业", "北京", D(2030, 1, 5), D(2030, 2, 10), 80_000_000m, D(2030, 3, 1), D(2030, 3, 20), D(2030, 3, 20), D(2030, 12, 1)),
        new(5, "A", "A", "数字经济", "上海", D(2030, 2, 1), D(2030, 3, 1), 300_000_000m, null, null, null, null),
        new(6, "B", "B", "新材料", "新加坡", D(2031, 1, 20), D(2031, 2, 20), 500_000_000m, D(2031, 5, 1), D(2031, 6, 1), D(2031, 6, 15), null),
        new(7, "B", "A", "数字经济", "深圳", D(2031, 1, 2), D(2031, 3, 5), 200_000_000m, null, null, null, null),
        new(8, "B", "B", "高原特色农业", "北京", D(2031, 4, 1), D(2031, 4, 20), 60_000_000m, null, null, null, null),
        new(9, "B", "B", "新材料", "上海", D(2030, 1, 15), D(2030, 1, 25), 400_000_000m, D(2030, 2, 10), D(2030, 3, 1), D(2030, 3, 15), null),
        new(10, "B", "B", "新材料", "深圳", D(2030, 2, 10), D(2030, 3, 10), 90_000_000m, null, null, null, null),
    ];

    public static readonly Funds[] Reports =
    [
        new(1, 1, D(2031, 2, 15), 30_000_000.00m, "CNY", 30_000_000.00m, null, "OutsideProvince"),
        new(2, 1, D(2031, 5, 10), 12_345_678.91m, "CNY", 12_345_678.91m, null, "OutsideProvince"),
        new(3, 2, D(2031, 3, 20), 100_000_000.00m, "CNY", 100_000_000.00m, null, "OutsideCityInProvince"),
        new(4, 6, D(2031, 3, 1), 7_100_000.00m, "USD", 1_000_000.00m, 1_000_000.00m, "Abroad"),
        new(5, 6, D(2031, 3, 10), 9_200_000.00m, "HKD", 10_000_000.00m, 1_295_774.65m, "Abroad"),
        new(6, 9, D(2030, 2, 1), 40_000_000.00m, "CNY", 40_000_000.00m, null, "OutsideProvince"),
        new(7, 9, D(2030, 3, 5), 3_550_000.00m, "USD", 500_000.00m, 500_000.00m, "Abroad"),
        new(8, 4, D(2030, 3, 25), 10_000_000.00m, "CNY", 10_000_000.00m, null, "OutsideProvince"),
        new(9, 8, D(2031, 4, 25), 700_000.00m, "CNY", 700_000.00m, 98_591.55m, "Abroad"),
    ];
}
