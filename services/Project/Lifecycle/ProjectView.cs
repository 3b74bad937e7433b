using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.MasterData;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// A project as staff see it: where it is, what each stage added, and what comes next. An imported project (存量项目,
/// Origin Imported) has no intent and no enterprise of the lead service.
/// </summary>
public sealed record ProjectView(
    Guid Id, Guid? IntentId, Guid? EnterpriseId, string EnterpriseName, string? EnterpriseUscc, string Industry,
    decimal IntendedInvestment, string District, string FirstDistrict, IntentTaskTeam? TaskTeam, ProjectState State,
    DateTimeOffset StateEnteredAt, string? StateReason, ProjectState? StalledFrom, string NextStep, string? AgreementNo,
    DateOnly? SignedOn, decimal? ContractedInvestment, Guid? ParkId, string? Park, string? CompanyName, string? CompanyUscc,
    ProjectView.LandParcel? Land, DateOnly? PreLandApprovalsCompletedOn, DateOnly? ConstructionPermitIssuedOn,
    DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn, decimal VerifiedFundsCny, ProjectView.ApprovalCase? Approval,
    ProjectView.FundingLedger? Funding, ProjectMasterData MasterData, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ProjectOrigin Origin)
{
    public sealed record LandParcel(string ParcelId, decimal AreaMu, DateOnly ContractDate, DateOnly AcquiredOn);

    public sealed record ApprovalCase(Guid CaseId, int ItemCount, DateTimeOffset OpenedAt);

    public sealed record FundingLedger(Guid LedgerId, DateTimeOffset OpenedAt);
}

/// <summary>The <c>projects</c> row, as SQL returns it, with its park's current name.</summary>
internal sealed class ProjectRow
{
    public const string Columns =
        """
        id, origin, intent_id, enterprise_id, enterprise_name, trim(enterprise_uscc) AS enterprise_uscc, industry,
               intended_investment, district, first_district, task_team::text AS task_team, state, state_entered_at,
               state_reason, stalled_from, agreement_no, signed_on, contracted_investment, park_id,
               (SELECT name FROM parks WHERE parks.id = projects.park_id) AS park, company_name,
               trim(company_uscc) AS company_uscc, parcel_id, area_mu, land_contract_date, land_acquired_on,
               pre_land_approvals_completed_on, construction_permit_issued_on, construction_started_on,
               production_started_on, verified_funds_cny, approval_case_id, approval_item_count, approval_case_opened_at, funding_ledger_id,
               funding_ledger_opened_at, approval_case_version, stalled_by_case_version, version, created_at, updated_at,
               name, construction_content, location, planned_start_on, planned_finish_on, jobs, committed_investment_intensity,
               committed_tax_per_mu
        """;

    public const string Select = "SELECT " + Columns + " FROM projects";

    public Guid Id { get; init; }
    public ProjectOrigin Origin { get; init; }
    public Guid? IntentId { get; init; }
    public Guid? EnterpriseId { get; init; }
    public string EnterpriseName { get; init; } = "";
    public string? EnterpriseUscc { get; init; }
    public string Industry { get; init; } = "";
    public decimal IntendedInvestment { get; init; }
    public string District { get; init; } = "";
    public string FirstDistrict { get; init; } = "";
    public string? TaskTeam { get; init; }
    public ProjectState State { get; init; }
    public DateTimeOffset StateEnteredAt { get; init; }
    public string? StateReason { get; init; }
    public ProjectState? StalledFrom { get; init; }
    public string? AgreementNo { get; init; }
    public DateOnly? SignedOn { get; init; }
    public decimal? ContractedInvestment { get; init; }
    public Guid? ParkId { get; init; }
    public string? Park { get; init; }
    public string? CompanyName { get; init; }
    public string? CompanyUscc { get; init; }
    public string? ParcelId { get; init; }
    public decimal? AreaMu { get; init; }
    public DateOnly? LandContractDate { get; init; }
    public DateOnly? LandAcquiredOn { get; init; }
    public DateOnly? PreLandApprovalsCompletedOn { get; init; }
    public DateOnly? ConstructionPermitIssuedOn { get; init; }
    public DateOnly? ConstructionStartedOn { get; init; }
    public DateOnly? ProductionStartedOn { get; init; }
    public decimal VerifiedFundsCny { get; init; }
    public Guid? ApprovalCaseId { get; init; }
    public int? ApprovalItemCount { get; init; }
    public DateTimeOffset? ApprovalCaseOpenedAt { get; init; }
    public Guid? FundingLedgerId { get; init; }
    public DateTimeOffset? FundingLedgerOpenedAt { get; init; }
    public int ApprovalCaseVersion { get; init; }
    public int? StalledByCaseVersion { get; init; }
    public int Version { get; init; }

    /// <summary>The version a change to the locked row gives it; the events the change publishes carry it.</summary>
    public int NextVersion => Version + 1;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Name { get; init; }
    public string? ConstructionContent { get; init; }
    public string? Location { get; init; }
    public DateOnly? PlannedStartOn { get; init; }
    public DateOnly? PlannedFinishOn { get; init; }
    public int? Jobs { get; init; }
    public decimal? CommittedInvestmentIntensity { get; init; }
    public decimal? CommittedTaxPerMu { get; init; }

    public ProjectMasterData MasterData => new(
        Name, ConstructionContent, Location, PlannedStartOn, PlannedFinishOn, Jobs, CommittedInvestmentIntensity, CommittedTaxPerMu);

    public RecordScope Scope => new(District, Park, ParkId);

    public IntentTaskTeam? Team => TaskTeam is null ? null : JsonSerializer.Deserialize<IntentTaskTeam>(TaskTeam, JsonSerializerOptions.Web);

    public ProjectView ToView() => new(
        Id, IntentId, EnterpriseId, EnterpriseName, EnterpriseUscc, Industry, IntendedInvestment, District, FirstDistrict, Team,
        State, StateEnteredAt, StateReason, StalledFrom, NextSteps.For(this), AgreementNo, SignedOn, ContractedInvestment, ParkId, Park,
        CompanyName, CompanyUscc,
        ParcelId is null ? null : new ProjectView.LandParcel(ParcelId, AreaMu!.Value, LandContractDate!.Value, LandAcquiredOn!.Value),
        PreLandApprovalsCompletedOn, ConstructionPermitIssuedOn, ConstructionStartedOn, ProductionStartedOn, VerifiedFundsCny,
        ApprovalCaseId is { } caseId ? new ProjectView.ApprovalCase(caseId, ApprovalItemCount ?? 0, ApprovalCaseOpenedAt!.Value) : null,
        FundingLedgerId is { } ledgerId ? new ProjectView.FundingLedger(ledgerId, FundingLedgerOpenedAt!.Value) : null,
        MasterData, Version, CreatedAt, UpdatedAt, Origin);
}

/// <summary>Where a project came from: a converted cooperation intent, or the bureau's 台账 of projects signed before (存量项目).</summary>
public enum ProjectOrigin
{
    Intent,
    Imported,
}

/// <summary>What the project needs next, in the words staff use.</summary>
internal static class NextSteps
{
    public static string For(ProjectRow project) => project.State switch
    {
        ProjectState.Negotiating => "签约：录入投资协议",
        ProjectState.Signed => "注册落地：登记项目公司及统一社会信用代码",
        ProjectState.Registered => "拿地：签订土地出让合同",
        ProjectState.LandAcquired when project.PreLandApprovalsCompletedOn is null => "等待用地前审批全部办结，办结当日四证齐发开工",
        ProjectState.LandAcquired => "等待四证齐发，施工许可证下达即开工",
        ProjectState.UnderConstruction => "投产：录入投产日期",
        ProjectState.Stalled => $"停滞（{project.StateReason}）：协调解决后恢复",
        _ => "无",
    };
}
