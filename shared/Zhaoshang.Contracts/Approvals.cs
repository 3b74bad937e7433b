namespace Zhaoshang.Contracts;

/// <summary>The approval service opened a signed project's approval case (审批事项清单).</summary>
public sealed record ApprovalCaseOpened(
    Guid ProjectId,
    Guid CaseId,
    int ItemCount,
    DateTimeOffset OpenedAt);
