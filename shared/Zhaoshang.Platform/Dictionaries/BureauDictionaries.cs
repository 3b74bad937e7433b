using System.Collections.Frozen;
using Zhaoshang.Contracts;

namespace Zhaoshang.Platform.Dictionaries;

/// <summary>
/// A service's dictionaries in memory, from its own tables (<see cref="DictionariesRefresh"/>) and the changes its
/// consumer applies: which industry a spelling names, its sector, the source region a place lies in.
/// </summary>
public sealed class BureauDictionaries
{
    public const string Unclassified = "未分类";

    // Replaced whole, never changed in place: a lookup reads one snapshot, never a mix of two versions.
    private Lookup _current = Lookup.Of(new DictionariesChanged(0, [], [], [], DateTimeOffset.MinValue));

    public static BureauDictionaries Of(DictionariesChanged snapshot)
    {
        var dictionaries = new BureauDictionaries();
        dictionaries.Apply(snapshot);
        return dictionaries;
    }

    public int Version => Volatile.Read(ref _current).Snapshot.Version;

    public DictionariesChanged Snapshot => Volatile.Read(ref _current).Snapshot;

    /// <summary>Takes a snapshot if it is newer than the one held; returns whether it did.</summary>
    public bool Apply(DictionariesChanged snapshot)
    {
        var next = Lookup.Of(snapshot);
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current.Snapshot.Version >= snapshot.Version)
                return false;
            if (Interlocked.CompareExchange(ref _current, next, current) == current)
                return true;
        }
    }

    /// <summary>The industry a spelling (its name or an alias, blanks trimmed) names, active or not.</summary>
    public DictionaryIndustry? Industry(string? spelling) =>
        spelling is not null && Volatile.Read(ref _current).Industries.TryGetValue(spelling.Trim(), out var industry) ? industry : null;

    /// <summary>一产/二产/三产 of an industry; <see cref="Unclassified"/> for one the bureau has not classified or does not know.</summary>
    public string SectorOf(string industry) => Industry(industry)?.Sector ?? Unclassified;

    /// <summary>The source region a place (a province, city or country) or a region's own name belongs to.</summary>
    public DictionaryRegion? RegionOf(string? place) =>
        place is not null && Volatile.Read(ref _current).Regions.TryGetValue(place.Trim(), out var region) ? region : null;

    private sealed record Lookup(
        DictionariesChanged Snapshot, FrozenDictionary<string, DictionaryIndustry> Industries, FrozenDictionary<string, DictionaryRegion> Regions)
    {
        public static Lookup Of(DictionariesChanged snapshot) => new(
            snapshot,
            snapshot.Industries.SelectMany(i => i.Aliases.Prepend(i.Name).Select(spelling => (spelling, i)))
                .DistinctBy(s => s.spelling).ToFrozenDictionary(s => s.spelling, s => s.i, StringComparer.Ordinal),
            snapshot.Regions.SelectMany(r => r.Places.Prepend(r.Name).Select(place => (place, r)))
                .DistinctBy(p => p.place).ToFrozenDictionary(p => p.place, p => p.r, StringComparer.Ordinal));
    }
}
