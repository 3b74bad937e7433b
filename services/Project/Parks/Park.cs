namespace Zhaoshang.Project.Parks;

public enum ParkLevel
{
    /// <summary>国家级</summary>
    National,
    /// <summary>省级</summary>
    Provincial,
    /// <summary>市级</summary>
    Municipal,
}

/// <summary>An industrial park (园区) and its positioning: leading (主导) and specialty (特色) industries.</summary>
public sealed record Park(
    Guid Id, string Name, ParkLevel Level, string District, string[] LeadingIndustries, string[] SpecialtyIndustries, int Version)
{
    public const string Select =
        "SELECT id, name, level, district, leading_industries, specialty_industries, version FROM parks";
}

/// <summary>"三主两特" for national parks, "两主两特" for provincial and municipal ones.</summary>
public static class ParkRules
{
    public static (int Leading, int Specialty) MaxIndustries(ParkLevel level) =>
        level == ParkLevel.National ? (3, 2) : (2, 2);

    /// <summary>Field → problem for a positioning that breaks the rule.</summary>
    public static IEnumerable<(string Field, string Problem)> Check(ParkLevel level, IReadOnlyCollection<string> leading, IReadOnlyCollection<string> specialty)
    {
        var (maxLeading, maxSpecialty) = MaxIndustries(level);
        var rule = level == ParkLevel.National ? "三主两特" : "两主两特";
        if (leading.Count is 0 || leading.Count > maxLeading)
            yield return ("leadingIndustries", $"A {level} park has 1 to {maxLeading} leading industries ({rule}).");
        if (specialty.Count > maxSpecialty)
            yield return ("specialtyIndustries", $"A {level} park has at most {maxSpecialty} specialty industries ({rule}).");
        if (leading.Concat(specialty).GroupBy(i => i).Any(g => g.Count() > 1))
            yield return ("specialtyIndustries", "An industry is either leading or specialty, once.");
    }
}

public sealed record ParkRecommendation(Park Park, int Score, IReadOnlyList<string> Reasons);

/// <summary>把新引进项目布局到最合适的园区: ranks parks for a project's industry, size and district, with reasons.</summary>
public static class ParkRecommendations
{
    public const decimal MajorInvestment = 1_000_000_000m;

    public static IReadOnlyList<ParkRecommendation> Rank(IEnumerable<Park> parks, string industry, decimal? investment, string? district) =>
        parks.Select(park => Score(park, industry, investment, district))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Park.Name, StringComparer.Ordinal)
            .ToList();

    private static ParkRecommendation Score(Park park, string industry, decimal? investment, string? district)
    {
        var reasons = new List<string>();
        var score = 0;
        if (park.LeadingIndustries.Contains(industry))
        {
            score += 50;
            reasons.Add($"+50 {industry}是园区主导产业");
        }
        else if (park.SpecialtyIndustries.Contains(industry))
        {
            score += 30;
            reasons.Add($"+30 {industry}是园区特色产业");
        }

        if (score == 0)
            return new ParkRecommendation(park, 0, reasons);
        if (district is not null && park.District == district)
        {
            score += 15;
            reasons.Add($"+15 位于意向区县{district}");
        }

        if (park.Level == ParkLevel.National)
        {
            score += 10;
            reasons.Add("+10 国家级园区");
            if (investment >= MajorInvestment)
            {
                score += 10;
                reasons.Add("+10 10亿元以上重大项目优先布局国家级园区");
            }
        }
        else if (park.Level == ParkLevel.Provincial)
        {
            score += 5;
            reasons.Add("+5 省级园区");
        }

        return new ParkRecommendation(park, score, reasons);
    }
}
