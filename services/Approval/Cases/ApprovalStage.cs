namespace Zhaoshang.Approval.Cases;

/// <summary>The four stages of the 工程建设项目审批制度改革.</summary>
public enum ApprovalStage
{
    /// <summary>立项用地规划许可</summary>
    ProjectAndLandPlanning,
    /// <summary>工程建设许可</summary>
    EngineeringPermit,
    /// <summary>施工许可</summary>
    ConstructionPermit,
    /// <summary>竣工验收</summary>
    CompletionAcceptance,
}
