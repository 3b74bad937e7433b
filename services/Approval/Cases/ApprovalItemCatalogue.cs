namespace Zhaoshang.Approval.Cases;

/// <summary>An approval item a signed project needs, with its statutory limit in working days.</summary>
public sealed record CatalogueItem(string Code, string Name, ApprovalStage Stage, int StatutoryWorkingDays, bool LandDependent);

/// <summary>
/// The items every signed project's case opens with. Choosing items by project type (备案/核准, EIA report or
/// form, energy review) and making the catalogue configurable is issue #6.
/// </summary>
public static class ApprovalItemCatalogue
{
    public static readonly IReadOnlyList<CatalogueItem> Standard =
    [
        new("filing", "项目备案", ApprovalStage.ProjectAndLandPlanning, 3, false),
        new("land-pre-review", "用地预审与选址意见书", ApprovalStage.ProjectAndLandPlanning, 20, false),
        new("eia-form", "环境影响报告表审批", ApprovalStage.ProjectAndLandPlanning, 30, false),
        new("energy-review", "节能审查", ApprovalStage.ProjectAndLandPlanning, 20, false),
        new("design-review", "设计方案审查", ApprovalStage.EngineeringPermit, 15, false),
        new("land-planning-permit", "建设用地规划许可证", ApprovalStage.ProjectAndLandPlanning, 7, true),
        new("real-estate-title", "不动产权证书", ApprovalStage.ProjectAndLandPlanning, 5, true),
        new("engineering-planning-permit", "建设工程规划许可证", ApprovalStage.EngineeringPermit, 10, true),
        new("construction-permit", "施工许可证", ApprovalStage.ConstructionPermit, 7, true),
    ];
}
