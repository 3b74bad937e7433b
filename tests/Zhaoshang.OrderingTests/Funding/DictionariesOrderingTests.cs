using Microsoft.Extensions.Logging.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.Funding.Dictionaries;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Dictionaries;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>
/// A service's copy of the dictionaries: snapshots delivered in order once and then shuffled with duplicates must leave
/// the same tables and the same dictionaries in memory, the newest snapshot, and dictionaries loaded from the tables
/// afresh must agree with the ones the consumer kept.
/// </summary>
[Collection(FundingCollection.Name)]
public sealed class DictionariesOrderingTests(FundingDatabase fixture)
{
    private const int Seed = 1819;
    private static readonly int PermutationCount = Permutations.Sampled(12);

    [Fact]
    public async Task Every_order_of_dictionary_changes_ends_on_the_newest_snapshot()
    {
        var changes = Enumerable.Range(2, 6).Select(Snapshot).ToList();
        var duplicated = changes.Concat([changes[1], changes[4]]).ToList();
        var expected = await RunAsync(changes, null);
        Assert.Equal(Describe(changes[^1]), expected);

        var random = new Random(Seed);
        for (var permutation = 1; permutation <= PermutationCount; permutation++)
        {
            var actual = await RunAsync(duplicated, new Random(random.Next()));
            Assert.True(expected == actual, $"seed {Seed}, permutation {permutation}:\nin order:\n{expected}\nthis order:\n{actual}");
        }
    }

    /// <summary>One run from the seeded copy: in order when <paramref name="order"/> is null; returns the tables, if memory agrees.</summary>
    private async Task<string> RunAsync(IReadOnlyList<DictionariesChanged> changes, Random? order)
    {
        await fixture.Db.ExecuteAsync("UPDATE dictionary_versions SET version = 1");
        var dictionaries = new BureauDictionaries();
        var consumers = new Consumers().Add(new DictionariesChangedConsumer(fixture.Db.Database, dictionaries));
        var deliveries = changes.Select(Delivery.Of).ToList();
        await consumers.DeliverAllAsync(order is null ? deliveries : Permutations.Shuffle(deliveries, order));

        var loaded = new BureauDictionaries();
        await new DictionariesRefresh(fixture.Db.Database, loaded, NullLogger<DictionariesRefresh>.Instance).LoadAsync(CancellationToken.None);
        Assert.Equal(Describe(loaded.Snapshot), Describe(dictionaries.Snapshot));
        return Describe(loaded.Snapshot);
    }

    /// <summary>Version n: n industries (the n-th one unclassified), a region holding n places, n districts.</summary>
    private static DictionariesChanged Snapshot(int version) => new(version,
        Enumerable.Range(1, version).Select(i => new DictionaryIndustry(
            $"I{i}", $"产业{i}", i == version ? null : "二产", null, [$"产业{i}别称v{version}"], true, version)).ToList(),
        [new DictionaryRegion("R", $"区域v{version}", Enumerable.Range(1, version).Select(i => $"地{i}").ToList(), true, version)],
        Enumerable.Range(1, version).Select(i => new DictionaryDistrict($"D{i}", $"区{i}", i % 2 == 0, version)).ToList(),
        new DateTimeOffset(2026, 11, version, 0, 0, 0, TimeSpan.Zero));

    private static string Describe(DictionariesChanged d) =>
        $"v{d.Version}: " + string.Join(";", d.Industries.OrderBy(i => i.Code).Select(i => $"{i.Code}={i.Name}/{i.Sector ?? "-"}/{string.Join(",", i.Aliases)}"))
        + " | " + string.Join(";", d.Regions.Select(r => $"{r.Code}={r.Name}/{string.Join(",", r.Places)}"))
        + " | " + string.Join(";", d.Districts.OrderBy(x => x.Code).Select(x => $"{x.Code}={x.Name}/{x.Active}"));
}
