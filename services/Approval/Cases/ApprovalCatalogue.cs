using Zhaoshang.Contracts;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// An approval item as the catalogue defines it. <see cref="AppliesTo"/> names the project profile it needs:
/// "filing:Filing", "filing:Verification", "eia:Report", "eia:Form", "energy-review", or empty for every project.
/// </summary>
public sealed record CatalogueItem(
    string Code, string Name, ApprovalStage Stage, int StatutoryWorkingDays, bool LandDependent, string[] Prerequisites,
    string AppliesTo = "")
{
    public bool AppliesToProfile(ProjectApprovalProfile profile) => AppliesTo switch
    {
        "" => true,
        "energy-review" => profile.EnergyReview,
        _ when AppliesTo.StartsWith("filing:", StringComparison.Ordinal) => AppliesTo[7..] == profile.Filing,
        _ when AppliesTo.StartsWith("eia:", StringComparison.Ordinal) => AppliesTo[4..] == profile.Eia,
        _ => false,
    };
}

/// <summary>
/// The items a signed project may need (configurable under <c>ApprovalCatalogue:Items</c>; these are the defaults), and
/// the choice of them for one project's profile.
/// </summary>
public sealed class ApprovalCatalogue(IReadOnlyList<CatalogueItem> items)
{
    public static readonly string[] Filings = ["Filing", "Verification"];
    public static readonly string[] EiaKinds = ["Report", "Form", "Exempt"];

    public static readonly ProjectApprovalProfile DefaultProfile = new("Filing", "Form", true);

    public static ApprovalCatalogue Default { get; } = new(
    [
        new("filing", "项目备案", ApprovalStage.ProjectAndLandPlanning, 3, false, [], "filing:Filing"),
        new("verification", "项目核准", ApprovalStage.ProjectAndLandPlanning, 20, false, [], "filing:Verification"),
        new("land-pre-review", "用地预审与选址意见书", ApprovalStage.ProjectAndLandPlanning, 20, false, []),
        new("eia-report", "环境影响报告书审批", ApprovalStage.ProjectAndLandPlanning, 60, false, [], "eia:Report"),
        new("eia-form", "环境影响报告表审批", ApprovalStage.ProjectAndLandPlanning, 30, false, [], "eia:Form"),
        new("energy-review", "节能审查", ApprovalStage.ProjectAndLandPlanning, 20, false, ["filing", "verification"], "energy-review"),
        new("design-review", "设计方案审查", ApprovalStage.EngineeringPermit, 15, false, ["land-pre-review"]),
        new("land-planning-permit", "建设用地规划许可证", ApprovalStage.ProjectAndLandPlanning, 7, true, ["land-pre-review"]),
        new("real-estate-title", "不动产权证书", ApprovalStage.ProjectAndLandPlanning, 5, true, ["land-planning-permit"]),
        new("engineering-planning-permit", "建设工程规划许可证", ApprovalStage.EngineeringPermit, 10, true, ["design-review"]),
        new("construction-permit", "施工许可证", ApprovalStage.ConstructionPermit, 7, true, ["engineering-planning-permit", "real-estate-title"]),
    ]);

    public IReadOnlyList<CatalogueItem> Items => items;

    public bool Contains(string code) => items.Any(i => i.Code == code);

    /// <summary>The project's items; a prerequisite the project does not need (核准 when it files) is dropped.</summary>
    public IReadOnlyList<CatalogueItem> SelectFor(ProjectApprovalProfile profile)
    {
        var chosen = items.Where(i => i.AppliesToProfile(profile)).ToList();
        var codes = chosen.Select(i => i.Code).ToHashSet();
        return chosen.Select(i => i with { Prerequisites = i.Prerequisites.Where(codes.Contains).ToArray() }).ToList();
    }
}
