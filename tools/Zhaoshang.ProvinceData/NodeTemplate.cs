namespace Zhaoshang.ProvinceData;

/// <summary>The default node plan template (通用项目全周期, project migration 0007), node by node in its order.</summary>
internal static class NodeTemplate
{
    public static readonly Guid Id = new("0190f1a0-0000-7000-8000-0000000000d1");
    public const string Name = "通用项目全周期";

    public sealed record Node(string Phase, string Step, string Code, string Name, string Department, string Anchor, int Offset, string Evidence, string? FulfilledBy);

    public static readonly Node[] Nodes =
    [
        new("前期", "签约落地", "signed", "签约", "招商部门", "signed", 0, "投资协议", "signed"),
        new("前期", "签约落地", "registered", "注册", "市场监管部门", "signed", 10, "营业执照", "registered"),
        new("审批", "立项", "filing", "备案/核准", "发展改革部门", "registered", 10, "备案证明或核准批复", "approval:filing|approval:verification"),
        new("审批", "环评与节能", "eia", "环评", "生态环境部门", "filing", 30, "环评批复", "approval:eia-report|approval:eia-form"),
        new("审批", "环评与节能", "energy-review", "节能审查", "发展改革部门", "filing", 20, "节能审查意见", "approval:energy-review"),
        new("审批", "用地与规划", "land-pre-review", "用地预审", "自然资源部门", "filing", 20, "用地预审与选址意见书", "approval:land-pre-review"),
        new("审批", "用地与规划", "planning-permit", "规划许可", "自然资源部门", "land-pre-review", 10, "建设用地规划许可证", "approval:land-planning-permit"),
        new("建设", "拿地", "land", "拿地", "自然资源部门", "planning-permit", 20, "土地出让合同", "land"),
        new("建设", "开工", "construction-permit", "施工许可", "住房城乡建设部门", "land", 10, "施工许可证", "approval:construction-permit"),
        new("建设", "开工", "construction-start", "开工", "招商部门", "construction-permit", 5, "开工现场照片", "construction-start"),
        new("投产", "投产", "production", "投产", "工业和信息化部门", "construction-start", 250, "投产证明", "production"),
        new("投产", "验收", "acceptance", "竣工验收", "住房城乡建设部门", "production", 60, "竣工验收备案表", null),
    ];

    /// <summary>The day each node was met (null: open), from the days the project reached its stages.</summary>
    public static DateOnly? CompletedOn(Node node, ProjectPlan p) => node.Code switch
    {
        "signed" => p.SignedOn,
        "registered" => p.RegisteredOn,
        "filing" => p.SignedOn?.AddDays(3),
        "eia" or "energy-review" or "land-pre-review" => p.LandOn?.AddDays(-15),
        "planning-permit" => p.LandOn?.AddDays(-5),
        "land" => p.LandOn,
        "construction-permit" or "construction-start" => p.ConstructionOn,
        "production" => p.ProductionOn,
        _ => null,
    };
}
