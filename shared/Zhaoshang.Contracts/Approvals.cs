namespace Zhaoshang.Contracts;

// CaseVersion: the approval case's version once the change was made; it grows with every change to the case, so the
// project service tells a newer case event from an older one (0: published before versions travelled).

/// <summary>The approval service opened a signed project's approval case (审批事项清单).</summary>
public sealed record ApprovalCaseOpened(
    Guid ProjectId,
    Guid CaseId,
    int ItemCount,
    DateTimeOffset OpenedAt);

/// <summary>Every item before land is granted (用地前审批完成); the project can start the day it gets land.</summary>
public sealed record PreLandApprovalsCompleted(Guid ProjectId, Guid CaseId, DateTimeOffset CompletedAt, int CaseVersion = 0);

/// <summary>The land-dependent certificates were issued together (四证齐发); construction may start on IssuedOn.</summary>
public sealed record ConstructionPermitIssued(
    Guid ProjectId, Guid CaseId, DateOnly IssuedOn, DateTimeOffset OccurredAt, int CaseVersion = 0);

/// <summary>An item was returned (退件) to the applicant; the project stalls until staff resume it.</summary>
public sealed record ApprovalItemReturned(
    Guid ProjectId, Guid CaseId, string ItemCode, string ItemName, string Reason, DateTimeOffset OccurredAt,
    int CaseVersion = 0);

/// <summary>An item was rejected (不予许可) by staff or an approval system; the project stalls until it is resubmitted.</summary>
public sealed record ApprovalItemRejected(
    Guid ProjectId, Guid CaseId, string ItemCode, string ItemName, string Reason, DateTimeOffset OccurredAt, int CaseVersion);

/// <summary>An item passed its statutory limit without a decision; published once per item.</summary>
public sealed record ApprovalItemOverdue(
    Guid ProjectId, Guid CaseId, string ItemCode, string ItemName, DateOnly DueOn, DateTimeOffset OccurredAt,
    string? District = null, string? Park = null);

/// <summary>An item was granted (准予许可); the project's node plan completes the node this item fulfils.</summary>
public sealed record ApprovalItemGranted(
    Guid ProjectId, Guid CaseId, string ItemCode, string ItemName, DateOnly GrantedOn, DateTimeOffset OccurredAt,
    int CaseVersion);

/// <summary>
/// Outbound to the approval systems: an item opened for review. Carries the national 项目代码 once filing produced one.
/// Submission counts from 1; a resubmission after 补正 carries the next number.
/// </summary>
public sealed record ApprovalSubmissionRequested(
    Guid ProjectId, Guid CaseId, string ItemCode, string ItemName, string? NationalProjectCode, DateOnly DueOn,
    DateTimeOffset OccurredAt, int Submission = 1);

/// <summary>
/// Inbound from an approval system over RabbitMQ: its decision on one item. Idempotent on (System, DecisionId).
/// Outcome: Granted, Rejected or Returned.
/// </summary>
public sealed record ApprovalDecisionReported(
    string System, string DecisionId, Guid ProjectId, string ItemCode, string Outcome, DateTimeOffset DecidedAt,
    string? ProjectCode, string? Remarks);
