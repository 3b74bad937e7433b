namespace Zhaoshang.Tests.Shared;

/// <summary>
/// 22 projects in two districts (A, B) whose KPIs were computed by hand (see the tests that use it), as of
/// <see cref="Today"/>. Project 14 was signed in 2025; project 15 was first negotiated in A and transferred to B.
/// </summary>
public static class KpiFixture
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public sealed record Row(
        int No, string District, string FirstDistrict, string State, DateOnly CreatedOn, DateOnly StateEnteredOn,
        DateOnly? SignedOn, string? Company, DateOnly? LandOn, DateOnly? StartedOn);

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    public static readonly Row[] Projects =
    [
        new(1, "A", "A", "Negotiating", D(10, 1), D(10, 1), null, null, null, null),
        new(2, "A", "A", "Negotiating", D(3, 1), D(3, 1), null, null, null, null),
        new(3, "A", "A", "Signed", D(8, 1), D(9, 1), D(9, 1), null, null, null),
        new(4, "A", "A", "Signed", D(4, 1), D(5, 1), D(5, 1), null, null, null),
        new(5, "A", "A", "Registered", D(3, 1), D(6, 1), D(4, 1), "甲公司", null, null),
        new(6, "A", "A", "Registered", D(8, 1), D(10, 15), D(8, 15), "乙公司", null, null),
        new(7, "A", "A", "LandAcquired", D(2, 1), D(10, 20), D(3, 10), "丙公司", D(10, 20), null),
        new(8, "A", "A", "UnderConstruction", D(1, 5), D(6, 1), D(2, 1), "丁公司", D(6, 1), D(6, 1)),
        new(9, "A", "A", "UnderConstruction", D(1, 20), D(7, 11), D(3, 1), "戊公司", D(7, 1), D(7, 11)),
        new(10, "A", "A", "InProduction", D(1, 2), D(10, 1), D(1, 10), "己公司", D(3, 1), D(3, 1)),
        new(11, "A", "A", "InProduction", D(1, 3), D(11, 1), D(1, 20), "庚公司", D(4, 1), D(4, 3)),
        new(12, "A", "A", "Stalled", D(5, 1), D(9, 1), D(6, 1), "辛公司", D(8, 1), null),
        new(13, "A", "A", "Terminated", D(2, 1), D(5, 1), D(2, 15), null, null, null),
        new(14, "A", "A", "Signed", D(11, 1, 2025), D(12, 1, 2025), D(12, 1, 2025), null, null, null),
        new(15, "B", "A", "UnderConstruction", D(3, 1), D(9, 1), D(4, 1), "壬公司", D(9, 1), D(9, 1)),
        new(16, "B", "B", "Negotiating", D(11, 1), D(11, 1), null, null, null, null),
        new(17, "B", "B", "Signed", D(9, 1), D(10, 1), D(10, 1), null, null, null),
        new(18, "B", "B", "UnderConstruction", D(4, 1), D(8, 5), D(5, 1), "癸公司", D(8, 1), D(8, 5)),
        new(19, "B", "B", "InProduction", D(2, 1), D(10, 1), D(3, 1), "子公司", D(5, 1), D(5, 1)),
        new(20, "B", "B", "Registered", D(6, 1), D(8, 1), D(7, 1), "丑公司", null, null),
        new(21, "B", "B", "Terminated", D(2, 1), D(3, 1), null, null, null, null),
        new(22, "A", "A", "UnderConstruction", D(4, 1), D(10, 1), D(5, 10), "寅公司", D(10, 1), D(10, 1)),
    ];
}
