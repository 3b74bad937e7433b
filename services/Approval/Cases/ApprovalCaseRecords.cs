using System.Text.Json.Serialization;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

/// <summary>A project's approval case (审批事项清单), as stored.</summary>
public sealed record ApprovalCase(
    Guid Id, Guid ProjectId, decimal ContractedInvestment, string District, string Park, GreenChannelTier GreenChannel,
    bool AgentService, string? NationalProjectCode, DateOnly? LandAcquiredOn, DateOnly? PreLandCompletedOn,
    DateOnly? PermitIssuedOn, DateTimeOffset OpenedAt)
{
    public const string Columns =
        """
        id, project_id, contracted_investment, district, park, green_channel, agent_service, national_project_code,
        land_acquired_on, pre_land_completed_on, permit_issued_on, opened_at
        """;

    [JsonIgnore]
    public RecordScope Scope => new(District, Park);
}

/// <summary>One approval item of a case, as stored.</summary>
public sealed record ApprovalItem(
    Guid Id, Guid CaseId, string Code, string Name, ApprovalStage Stage, int StatutoryWorkingDays, int? LimitWorkingDays,
    bool LandDependent, string[] Prerequisites, ApprovalItemStatus Status, DateOnly? OpenedOn, DateOnly? DueOn,
    DateTimeOffset? DecidedAt, string[]? MissingDocuments, DateOnly? CommittedOn, DateOnly? SuspendedOn)
{
    public const string Columns =
        """
        id, case_id, code, name, stage, statutory_working_days, limit_working_days, land_dependent, prerequisites, status,
        opened_on, due_on, decided_at, missing_documents, committed_on, suspended_on
        """;
}
