using System.Text.RegularExpressions;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Project.Dictionaries;

public sealed record IndustryRequest(string? Name, string? Sector, string? Chain, IReadOnlyList<string>? Aliases, bool? Active, int? Version);

public sealed record RegionRequest(string? Name, IReadOnlyList<string>? Places, bool? Active, int? Version);

public sealed record DistrictRequest(string? Name, bool? Active, int? Version);

/// <summary>What a dictionary entry must hold, field by field; and the spellings a change would take from another entry.</summary>
public static partial class DictionaryRules
{
    public static readonly string[] Sectors = ["一产", "二产", "三产"];

    private const int MaxName = 50;

    public static ValidationErrors Validate(string code, IndustryRequest request)
    {
        var errors = Common(code, request.Name, request.Version);
        // Once the bureau classifies an industry it stays classified: only migrated spellings are ever without a sector.
        if (request.Sector is null || !Sectors.Contains(request.Sector))
            errors.Add("sector", $"'sector' is required: one of {string.Join(", ", Sectors)}.");
        if (request.Chain is { } chain && (string.IsNullOrWhiteSpace(chain) || chain.Length > MaxName))
            errors.Add("chain", $"'chain' is left out for none, else 1 to {MaxName} characters.");
        CheckSpellings(errors, "aliases", request.Aliases, request.Name);
        return errors;
    }

    public static ValidationErrors Validate(string code, RegionRequest request)
    {
        var errors = Common(code, request.Name, request.Version);
        if (request.Places is null)
            errors.Add("places", "'places' is required (an empty list for none).");
        CheckSpellings(errors, "places", request.Places, request.Name);
        return errors;
    }

    public static ValidationErrors Validate(string code, DistrictRequest request) => Common(code, request.Name, request.Version);

    /// <summary>
    /// An industry's spellings after a change: its name, the aliases sent and, when renamed, the old name, so records
    /// still holding it keep naming this industry.
    /// </summary>
    public static string[] Aliases(IndustryRequest request, DictionaryIndustry? current)
    {
        var name = request.Name!.Trim();
        var kept = current is not null && current.Name != name ? new[] { current.Name } : [];
        return (request.Aliases ?? []).Select(a => a.Trim()).Concat(kept).Where(a => a != name).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The spellings of <paramref name="spellings"/> that another entry's name or spellings already use.</summary>
    public static string[] Taken(IEnumerable<string> spellings, IEnumerable<(string Code, IEnumerable<string> Spellings)> entries, string code)
    {
        var others = entries.Where(e => e.Code != code).SelectMany(e => e.Spellings).ToHashSet(StringComparer.Ordinal);
        return spellings.Where(others.Contains).Distinct().ToArray();
    }

    private static ValidationErrors Common(string code, string? name, int? version)
    {
        var errors = new ValidationErrors();
        if (!Code().IsMatch(code))
            errors.Add("code", "'code' is 1 to 20 letters, digits or underscores.");
        errors.RequireText("name", name, MaxName);
        if (version is null or < 0)
            errors.Add("version", "'version' is required: send the version you read, 0 for a new entry.");
        return errors;
    }

    private static void CheckSpellings(ValidationErrors errors, string field, IReadOnlyList<string>? spellings, string? name)
    {
        if (spellings is null)
            return;
        if (spellings.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxName))
            errors.Add(field, $"Each of '{field}' is 1 to {MaxName} characters.");
        else if (spellings.Select(s => s.Trim()).GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add(field, $"'{field}' names {twice.Key} twice.");
        else if (name is not null && spellings.Any(s => s.Trim() == name.Trim()))
            errors.Add(field, $"'{field}' need not repeat the name {name.Trim()}.");
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,20}$")]
    private static partial Regex Code();
}
