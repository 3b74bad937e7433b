using Microsoft.AspNetCore.Mvc;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Dictionaries;

namespace Zhaoshang.Project.Statistics;

/// <summary>The query string of GET /api/statistics, named as the contract names it.</summary>
public sealed record StatisticsQuery(
    [FromQuery(Name = "year")] int? Year, [FromQuery(Name = "quarter")] int? Quarter, [FromQuery(Name = "month")] int? Month,
    [FromQuery(Name = "district")] string? District, [FromQuery(Name = "park")] string? Park,
    [FromQuery(Name = "industry")] string? Industry, [FromQuery(Name = "chain")] string? Chain,
    [FromQuery(Name = "sector")] string? Sector, [FromQuery(Name = "region")] string? Region,
    [FromQuery(Name = "groupBy")] string? GroupBy);

/// <summary>
/// A checked statistics query: the period, the filter in the dictionaries' names, and the industry spellings and places
/// the SQL may narrow to (null: no narrowing). District staff only ever see their own district.
/// </summary>
public sealed record StatisticsScope(
    StatisticsPeriod Period, StatisticsFilter Filter, StatisticsGrouping? GroupBy, bool CityWide, string[]? Industries, string[]? Places)
{
    private static readonly string[] Sectors = [.. DictionaryRules.Sectors, BureauDictionaries.Unclassified];

    public static (StatisticsScope? Scope, ValidationErrors Errors) Check(StatisticsQuery query, Actor actor, BureauDictionaries dictionaries)
    {
        var errors = new ValidationErrors();
        if (query.Year is null)
            errors.Add("year", "'year' is required.");
        else if (query.Year is < 2000 or > 2100)
            errors.Add("year", "'year' must be between 2000 and 2100.");
        if (query.Quarter is not null and not (>= 1 and <= 4))
            errors.Add("quarter", "'quarter' must be 1 to 4.");
        if (query.Month is not null and not (>= 1 and <= 12))
            errors.Add("month", "'month' must be 1 to 12.");
        if (query.Quarter is not null && query.Month is not null)
            errors.Add("month", "Give 'quarter' or 'month', not both.");
        if (actor.Role == Roles.District && query.District is not null && query.District != actor.District)
            errors.Add("district", "District staff see their own district's statistics.");
        StatisticsGrouping? groupBy = null;
        if (!string.IsNullOrWhiteSpace(query.GroupBy))
        {
            if (Enum.TryParse<StatisticsGrouping>(query.GroupBy, ignoreCase: true, out var parsed) && !int.TryParse(query.GroupBy, out _))
                groupBy = parsed;
            else
                errors.Add("groupBy", "'groupBy' is one of district, park, industry, chain, sector, region, quarter, month.");
        }
        var snapshot = dictionaries.Snapshot;
        var industry = Blank(query.Industry) is { } wanted
            ? snapshot.Industries.FirstOrDefault(i => i.Code == wanted)?.Name ?? dictionaries.Industry(wanted)?.Name
            : null;
        if (Blank(query.Industry) is not null && industry is null)
            errors.Add("industry", $"'industry' must be an industry of the bureau's dictionary (code or name), unlike {query.Industry}.");
        var sector = Blank(query.Sector);
        if (sector is not null && !Sectors.Contains(sector))
            errors.Add("sector", "'sector' is 一产, 二产, 三产 or 未分类.");
        var region = Blank(query.Region);
        if (region is not null && region != StatisticsCalculator.Unknown && dictionaries.RegionOf(region)?.Name != region)
            errors.Add("region", $"'region' must be a source region of the bureau's dictionary, unlike {region}.");
        if (!errors.IsValid)
            return (null, errors);

        var filter = new StatisticsFilter(
            actor.OwnDistrict ?? Blank(query.District), Blank(query.Park), industry, Blank(query.Chain), sector, region);
        var industries = snapshot.Industries
            .Where(i => (filter.Industry is null || i.Name == filter.Industry)
                        && (filter.Chain is null || (i.Chain ?? BureauDictionaries.Unclassified) == filter.Chain)
                        && (filter.Sector is null || (i.Sector ?? BureauDictionaries.Unclassified) == filter.Sector))
            .SelectMany(i => i.Aliases.Prepend(i.Name)).ToArray();
        // Unclassified chains and sectors also hold industries the dictionary does not know: no narrowing then.
        var narrowIndustries = filter.Industry is not null
            || (filter.Chain is not null && filter.Chain != BureauDictionaries.Unclassified)
            || (filter.Sector is not null && filter.Sector != BureauDictionaries.Unclassified);
        var places = region is null or StatisticsCalculator.Unknown
            ? null
            : snapshot.Regions.Where(r => r.Name == region).SelectMany(r => r.Places.Prepend(r.Name)).ToArray();
        return (new StatisticsScope(
            PeriodOf(query.Year!.Value, query.Quarter, query.Month), filter, groupBy, actor.OwnDistrict is null,
            narrowIndustries ? industries : null, places), errors);
    }

    public static StatisticsPeriod PeriodOf(int year, int? quarter, int? month)
    {
        var (first, months) = quarter is { } q ? ((q - 1) * 3 + 1, 3) : month is { } m ? (m, 1) : (1, 12);
        var from = new DateOnly(year, first, 1);
        return new StatisticsPeriod(year, quarter, month, from, from.AddMonths(months).AddDays(-1));
    }

    public StatisticsDimensions Dimensions(BureauDictionaries dictionaries) => new(
        industry => dictionaries.Industry(industry)?.Name ?? industry,
        industry => dictionaries.SectorOf(industry),
        industry => dictionaries.Industry(industry)?.Chain ?? BureauDictionaries.Unclassified,
        place => dictionaries.RegionOf(place)?.Name ?? StatisticsCalculator.Unknown);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
