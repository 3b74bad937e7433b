using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Platform.Search;

/// <summary>
/// A keyword search's term (<c>q</c>): at least two characters, since one matches nearly everything and no trigram index
/// can narrow it; matched as a substring with ILIKE, its own <c>%</c>, <c>_</c> and <c>\</c> taken literally.
/// </summary>
public static class SearchTerm
{
    public const int MinLength = 2;
    public const int MaxLength = 100;

    public static ValidationErrors Check(ValidationErrors errors, string? q) => q?.Trim().Length switch
    {
        null or < MinLength => errors.Add("q", $"'q' must have at least {MinLength} characters."),
        > MaxLength => errors.Add("q", $"'q' must be at most {MaxLength} characters."),
        _ => errors,
    };

    /// <summary>The ILIKE pattern that finds <paramref name="q"/> anywhere in a text.</summary>
    public static string Pattern(string q) =>
        "%" + q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
