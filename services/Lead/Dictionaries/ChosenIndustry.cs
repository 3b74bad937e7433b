using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Lead.Dictionaries;

/// <summary>An intent's industry is chosen from the bureau's dictionary (this service's copy), never typed freely.</summary>
internal static class ChosenIndustry
{
    /// <summary>
    /// The dictionary's name for the spelling sent (its name or an alias), or null with an error naming
    /// <paramref name="field"/> when no active industry has that spelling.
    /// </summary>
    public static string? Check(ValidationErrors errors, BureauDictionaries dictionaries, string field, string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling))
            return null;
        if (dictionaries.Industry(spelling) is { Active: true } industry)
            return industry.Name;
        errors.Add(field, $"'{field}' must be an active industry of the bureau's dictionary (GET /api/dictionaries), unlike {spelling.Trim()}.");
        return null;
    }
}
