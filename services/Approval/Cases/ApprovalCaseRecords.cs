using System.Text.Json.Serialization;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// A project's approval case (审批事项清单), as stored, with its park's current name. Version counts the changes to its
/// approval work; DistrictVersion is the project version that set the district.
/// </summary>
public sealed record ApprovalCase(
    Guid Id, Guid ProjectId, decimal ContractedInvestment, string District, string Park, GreenChannelTier GreenChannel,
    bool AgentService, string? NationalProjectCode, DateOnly? LandAcquiredOn, DateOnly? PreLandCompletedOn,
    DateOnly? PermitIssuedOn, DateTimeOffset OpenedAt, int Version, int DistrictVersion, Guid? ParkId)
{
    /// <summary>The case with its park's current name: a renamed park keeps its cases (parks by id).</summary>
    public const string Select =
        """
        SELECT c.id, c.project_id, c.contracted_investment, c.district, COALESCE(p.name, c.park) AS park, c.green_channel,
               c.agent_service, c.national_project_code, c.land_acquired_on, c.pre_land_completed_on, c.permit_issued_on,
               c.opened_at, c.version, c.district_version, c.park_id
        FROM approval_cases c LEFT JOIN parks p ON p.id = c.park_id
        """;

    [JsonIgnore]
    public RecordScope Scope => new(District, Park, ParkId);
}

/// <summary>
/// One approval item of a case, as stored; Submission counts its submissions (a resubmission after 补正 adds one);
/// GrantedOutside marks an item an imported project passed before the system (外部办结).
/// </summary>
public sealed record ApprovalItem(
    Guid Id, Guid CaseId, string Code, string Name, ApprovalStage Stage, int StatutoryWorkingDays, int? LimitWorkingDays,
    bool LandDependent, string[] Prerequisites, ApprovalItemStatus Status, DateOnly? OpenedOn, DateOnly? DueOn,
    DateTimeOffset? DecidedAt, string[]? MissingDocuments, DateOnly? CommittedOn, DateOnly? SuspendedOn, int Submission,
    bool GrantedOutside)
{
    public const string Columns =
        """
        id, case_id, code, name, stage, statutory_working_days, limit_working_days, land_dependent, prerequisites, status,
        opened_on, due_on, decided_at, missing_documents, committed_on, suspended_on, submission, granted_outside
        """;
}
