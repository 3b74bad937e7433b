namespace Zhaoshang.Approval.Cases;

public enum ApprovalItemStatus
{
    /// <summary>Waiting for its prerequisites.</summary>
    Pending,
    /// <summary>Under review (并联审批), with a due date.</summary>
    Open,
    /// <summary>容缺受理: accepted with secondary documents missing, to be supplied by a committed date.</summary>
    AcceptedWithDeficiency,
    /// <summary>The committed date passed without the documents.</summary>
    Suspended,
    /// <summary>Granted; for a land-dependent item, pre-approved until land day.</summary>
    Granted,
    /// <summary>A land-dependent certificate issued (四证齐发).</summary>
    Issued,
    /// <summary>不予许可</summary>
    Rejected,
    /// <summary>退件: returned to the applicant.</summary>
    Returned,
}

/// <summary>Which status changes staff may make to an item; approval systems' decisions are authoritative.</summary>
public static class ApprovalItemTransitions
{
    private static readonly Dictionary<ApprovalItemStatus, ApprovalItemStatus[]> Allowed = new()
    {
        [ApprovalItemStatus.Pending] = [ApprovalItemStatus.Open],
        [ApprovalItemStatus.Open] = [ApprovalItemStatus.Granted, ApprovalItemStatus.Rejected, ApprovalItemStatus.AcceptedWithDeficiency, ApprovalItemStatus.Returned],
        [ApprovalItemStatus.AcceptedWithDeficiency] = [ApprovalItemStatus.Open, ApprovalItemStatus.Suspended, ApprovalItemStatus.Rejected],
        [ApprovalItemStatus.Suspended] = [ApprovalItemStatus.Open, ApprovalItemStatus.Returned],
        [ApprovalItemStatus.Granted] = [ApprovalItemStatus.Issued, ApprovalItemStatus.Returned],
        [ApprovalItemStatus.Issued] = [],
        [ApprovalItemStatus.Rejected] = [],
        [ApprovalItemStatus.Returned] = [],
    };

    public static bool CanMove(ApprovalItemStatus from, ApprovalItemStatus to) => Allowed[from].Contains(to);

    /// <summary>Still being decided: counts against its due date.</summary>
    public static bool IsUnderReview(ApprovalItemStatus status) =>
        status is ApprovalItemStatus.Open or ApprovalItemStatus.AcceptedWithDeficiency or ApprovalItemStatus.Suspended;

    /// <summary>A returned (退件) or rejected item may be submitted again after 补正.</summary>
    public static bool CanResubmit(ApprovalItemStatus status) => status is ApprovalItemStatus.Returned or ApprovalItemStatus.Rejected;

    public static bool IsGranted(ApprovalItemStatus status) => status is ApprovalItemStatus.Granted or ApprovalItemStatus.Issued;
}
