namespace Zhaoshang.Project.NodePlans.Templates;

/// <summary>一产/二产/三产 of a project's industry, as the bureau's industry dictionary classifies it, to choose its node plan template.</summary>
public static class ProjectSectors
{
    public const string Primary = "一产";
    public const string Secondary = "二产";
    public const string Tertiary = "三产";

    public static readonly string[] All = [Primary, Secondary, Tertiary];

    /// <summary>
    /// The sector of an industry in the dictionary (by its name or an alias), null for one not classified or not known.
    /// </summary>
    public const string SectorOfIndustry =
        "SELECT sector FROM industries WHERE name = @industry OR @industry = ANY (aliases) ORDER BY name = @industry DESC LIMIT 1";

    /// <summary>
    /// The template for a project: the first (by name) naming its sector, else the default (also for an industry the
    /// bureau has not classified, rather than guessing one).
    /// </summary>
    public static NodePlanTemplate Choose(IReadOnlyList<NodePlanTemplate> templates, string? sector) =>
        templates.Where(t => sector is not null && t.Sectors.Contains(sector)).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? templates.FirstOrDefault(t => t.IsDefault)
            ?? throw new InvalidOperationException("No default node plan template.");
}
