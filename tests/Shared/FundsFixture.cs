namespace Zhaoshang.Tests.Shared;

/// <summary>
/// Five projects and 30 verified funds reports (three districts, CNY and USD, every quarter of 2026 and one of 2025)
/// whose statistics were worked out by hand (see the tests that use it).
/// </summary>
public static class FundsFixture
{
    public sealed record Project(int No, string District, string Park, string Industry, decimal Contracted);

    public sealed record Report(int Project, string Day, decimal Amount, string Currency, decimal Rate, string Source, string Use)
    {
        public decimal AmountCny => decimal.Round(Amount * Rate, 2);
    }

    public static readonly Project[] Projects =
    [
        new(1, "安宁市", "安宁工业园区", "新能源电池", 1_000_000_000m),
        new(2, "安宁市", "滇中新区", "数字经济", 200_000_000m),
        new(3, "麒麟区", "曲靖经济技术开发区", "绿色硅", 500_000_000m),
        new(4, "大理市", "大理经济技术开发区", "高原特色农业", 100_000_000m),
        new(5, "大理市", "大理经济技术开发区", "文化旅游", 300_000_000m),
    ];

    private static Report R(int project, string day, decimal amount, string currency = "CNY", decimal rate = 1m,
        string source = "OutsideProvince", string use = "FixedAssets") => new(project, day, amount, currency, rate, source, use);

    public static readonly Report[] Reports =
    [
        R(1, "2026-01-15", 50_000_000m), R(1, "2026-04-15", 50_000_000m), R(1, "2026-07-15", 50_000_000m), R(1, "2026-10-15", 50_000_000m),
        R(1, "2026-02-10", 1_000_000m, "USD", 7.1m, "Abroad"), R(1, "2026-08-10", 2_000_000m, "USD", 7.2m, "Abroad"),
        R(2, "2026-02-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(2, "2026-05-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(2, "2026-08-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(2, "2026-11-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(3, "2026-01-10", 12_500_000m), R(3, "2026-03-10", 12_500_000m), R(3, "2026-04-10", 12_500_000m), R(3, "2026-06-10", 12_500_000m),
        R(3, "2026-07-10", 12_500_000m), R(3, "2026-09-10", 12_500_000m), R(3, "2026-10-10", 12_500_000m), R(3, "2026-12-10", 12_500_000m),
        R(3, "2026-05-20", 500_000m, "USD", 7.15m, "Abroad"), R(3, "2026-12-20", 1_234_567.89m, use: "WorkingCapital"),
        R(4, "2026-02-20", 2_500_000m), R(4, "2026-05-20", 2_500_000m), R(4, "2026-08-20", 2_500_000m), R(4, "2026-11-20", 2_500_000m),
        R(4, "2026-03-15", 100_000m, "USD", 7.0m, "Abroad"),
        R(5, "2026-04-05", 20_000_000m), R(5, "2026-07-05", 20_000_000m), R(5, "2026-10-05", 20_000_000m),
        R(5, "2026-11-01", 300_000m, "USD", 7.05m, "Abroad"), R(5, "2025-12-01", 7_000_000m),
    ];
}
