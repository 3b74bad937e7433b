namespace Zhaoshang.Approval.Integrations;

/// <summary>What an approval system decided on one item.</summary>
public enum DecisionOutcome
{
    /// <summary>准予许可 / 办结</summary>
    Granted,

    /// <summary>不予许可</summary>
    Rejected,

    /// <summary>退件: returned to the applicant.</summary>
    Returned,
}
