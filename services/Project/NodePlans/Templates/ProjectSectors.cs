namespace Zhaoshang.Project.NodePlans.Templates;

/// <summary>一产/二产/三产 of a project's industry, as the funding statistics classify it, to choose its node plan template.</summary>
public static class ProjectSectors
{
    public const string Primary = "一产";
    public const string Secondary = "二产";
    public const string Tertiary = "三产";

    public static readonly string[] All = [Primary, Secondary, Tertiary];

    private static readonly Dictionary<string, string> ByIndustry = new()
    {
        ["高原特色农业"] = Primary,
        ["数字经济"] = Tertiary, ["文化旅游"] = Tertiary, ["现代物流"] = Tertiary,
    };

    /// <summary>Industries outside the list are secondary, where the bureau's industrial projects fall.</summary>
    public static string Of(string industry) => ByIndustry.GetValueOrDefault(industry, Secondary);

    /// <summary>The template for a project: the first (by name) naming its sector, else the default.</summary>
    public static NodePlanTemplate Choose(IReadOnlyList<NodePlanTemplate> templates, string industry)
    {
        var sector = Of(industry);
        return templates.Where(t => t.Sectors.Contains(sector)).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? templates.FirstOrDefault(t => t.IsDefault)
            ?? throw new InvalidOperationException("No default node plan template.");
    }
}
