using Microsoft.Extensions.Logging.Abstractions;
using Zhaoshang.Approval.WorkingCalendar;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>
/// A service's copy of the working calendar: the changes of two years delivered in order once and then shuffled with
/// duplicates must leave the same table and the same calendar in memory, the newest version of each year, and a
/// calendar loaded from the table afresh must agree with the one the consumer kept.
/// </summary>
[Collection(ApprovalCollection.Name)]
public sealed class WorkingCalendarOrderingTests(ApprovalDatabase fixture)
{
    private const int Seed = 1818;
    // Years no seed or other test holds, so each run starts from no copy at all.
    private static readonly int[] Years = [2091, 2092];
    private static readonly int PermutationCount = Permutations.Sampled(12);

    [Fact]
    public async Task Every_order_of_calendar_changes_ends_on_the_newest_version_of_each_year()
    {
        var changes = Years.SelectMany(year => Enumerable.Range(2, year == Years[0] ? 5 : 3).Select(version => Change(year, version))).ToList();
        var expected = await RunAsync(changes, null);
        Assert.Equal(string.Join("\n", Years.Select(year => Describe(changes.Where(c => c.Year == year).MaxBy(c => c.Version)!))), expected);

        var random = new Random(Seed);
        for (var permutation = 1; permutation <= PermutationCount; permutation++)
        {
            var actual = await RunAsync(changes, new Random(random.Next()));
            Assert.True(expected == actual, $"seed {Seed}, permutation {permutation}:\nin order:\n{expected}\nthis order:\n{actual}");
        }
    }

    /// <summary>One run from no copy: in order when <paramref name="order"/> is null; returns the table and memory, if they agree.</summary>
    private async Task<string> RunAsync(IReadOnlyList<WorkingCalendarChanged> changes, Random? order)
    {
        await fixture.Db.ExecuteAsync("DELETE FROM working_calendar_years WHERE year = ANY(@Years)", new { Years });
        var calendar = WorkCalendar.WeekendsOnly;
        var consumers = new Consumers().Add(new WorkingCalendarChangedConsumer(fixture.Db.Database, calendar));
        var deliveries = changes.Select(Delivery.Of).ToList();
        await consumers.DeliverAllAsync(order is null ? deliveries : Permutations.Shuffle(deliveries, order));

        var table = string.Join("\n", (await fixture.Db.QueryAsync<WorkingCalendarYear>(
                WorkingCalendarYears.Select + " WHERE year = ANY(@Years) ORDER BY year", new { Years }))
            .Select(y => Describe(new WorkingCalendarChanged(y.Year, y.Version, y.Holidays, y.WorkingWeekendDays, y.ChangedAt))));
        var loaded = WorkCalendar.WeekendsOnly;
        await new WorkingCalendarRefresh(fixture.Db.Database, loaded, NullLogger<WorkingCalendarRefresh>.Instance)
            .LoadAsync(CancellationToken.None);
        Assert.Equal(WorkingDays(loaded), WorkingDays(calendar));
        Assert.Equal(Years.Select(loaded.VersionOf), Years.Select(calendar.VersionOf));
        return table;
    }

    /// <summary>Version n of a year: its first n Mondays off, and the Saturday n weeks after its first one worked.</summary>
    private static WorkingCalendarChanged Change(int year, int version)
    {
        var firstMonday = Enumerable.Range(0, 7).Select(d => new DateOnly(year, 1, 1).AddDays(d)).First(d => d.DayOfWeek == DayOfWeek.Monday);
        var firstSaturday = firstMonday.AddDays(5);
        return new WorkingCalendarChanged(year, version, Enumerable.Range(0, version).Select(w => firstMonday.AddDays(7 * w)).ToArray(),
            [firstSaturday.AddDays(7 * version)], new DateTimeOffset(2026, 11, version, 0, 0, 0, TimeSpan.Zero));
    }

    private static string Describe(WorkingCalendarChanged year) =>
        $"{year.Year} v{year.Version}: off {string.Join(",", year.Holidays.Order())}; worked {string.Join(",", year.WorkingWeekendDays.Order())}";

    /// <summary>The working days of the first ten weeks of each year, which every version changes.</summary>
    private static string WorkingDays(WorkCalendar calendar) =>
        string.Join(",", Years.SelectMany(year => Enumerable.Range(0, 70).Select(d => new DateOnly(year, 1, 1).AddDays(d)))
            .Where(calendar.IsWorkingDay));
}
