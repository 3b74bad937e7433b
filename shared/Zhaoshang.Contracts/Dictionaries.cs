namespace Zhaoshang.Contracts;

/// <summary>
/// The bureau changed its dictionaries (industries, source regions, districts) in the project service, which owns them.
/// Each change carries the whole snapshot and the dictionaries' version, which grows with every change, so a service
/// keeping a copy takes only a newer snapshot, whatever order the changes arrive in.
/// </summary>
public sealed record DictionariesChanged(
    int Version, IReadOnlyList<DictionaryIndustry> Industries, IReadOnlyList<DictionaryRegion> Regions,
    IReadOnlyList<DictionaryDistrict> Districts, DateTimeOffset ChangedAt);

/// <summary>An industry (行业): its sector 一产/二产/三产 (null until the bureau classifies it), chain and other spellings.</summary>
public sealed record DictionaryIndustry(
    string Code, string Name, string? Sector, string? Chain, IReadOnlyList<string> Aliases, bool Active, int Version);

/// <summary>A source region (来源地区, say 长三角) and the places (provinces, cities, countries) it holds.</summary>
public sealed record DictionaryRegion(string Code, string Name, IReadOnlyList<string> Places, bool Active, int Version);

/// <summary>A district (区县) of the city.</summary>
public sealed record DictionaryDistrict(string Code, string Name, bool Active, int Version);
