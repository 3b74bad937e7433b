namespace Zhaoshang.Approval.Cases;

public enum ApprovalItemStatus
{
    /// <summary>Open for review now (并联审批).</summary>
    Open,

    /// <summary>Land-dependent: pre-reviewed before land, issued on land day (四证齐发).</summary>
    AwaitingLand,
}
