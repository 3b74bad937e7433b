using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>A project as staff see it, including whether the approval case and the funding ledger are open.</summary>
public sealed record ProjectView(
    Guid Id, Guid IntentId, Guid EnterpriseId, string EnterpriseName, string? EnterpriseUscc, string Industry,
    decimal IntendedInvestment, string District, string FirstDistrict, IntentTaskTeam? TaskTeam, ProjectState State,
    string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment, string? Park, ProjectView.ApprovalCase? Approval,
    ProjectView.FundingLedger? Funding,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public sealed record ApprovalCase(Guid CaseId, int ItemCount, DateTimeOffset OpenedAt);

    public sealed record FundingLedger(Guid LedgerId, DateTimeOffset OpenedAt);
}

/// <summary>The <c>projects</c> row, flat as SQL returns it.</summary>
internal sealed record ProjectRow(
    Guid Id, Guid IntentId, Guid EnterpriseId, string EnterpriseName, string? EnterpriseUscc, string Industry,
    decimal IntendedInvestment, string District, string FirstDistrict, string? TaskTeam, ProjectState State,
    string? AgreementNo, DateOnly? SignedOn, decimal? ContractedInvestment, string? Park, Guid? ApprovalCaseId, int? ApprovalItemCount, DateTimeOffset? ApprovalCaseOpenedAt,
    Guid? FundingLedgerId, DateTimeOffset? FundingLedgerOpenedAt, int Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string Select =
        """
        SELECT id, intent_id, enterprise_id, enterprise_name, trim(enterprise_uscc) AS enterprise_uscc, industry,
               intended_investment, district, first_district, task_team::text AS task_team, state, agreement_no, signed_on, contracted_investment, park, approval_case_id,
               approval_item_count, approval_case_opened_at, funding_ledger_id, funding_ledger_opened_at, version,
               created_at, updated_at
        FROM projects
        """;

    public RecordScope Scope => new(District, Park);

    public ProjectView ToView() => new(
        Id, IntentId, EnterpriseId, EnterpriseName, EnterpriseUscc, Industry, IntendedInvestment, District, FirstDistrict,
        TaskTeam is null ? null : JsonSerializer.Deserialize<IntentTaskTeam>(TaskTeam, JsonSerializerOptions.Web), State,
        AgreementNo, SignedOn, ContractedInvestment, Park,
        ApprovalCaseId is { } caseId ? new ProjectView.ApprovalCase(caseId, ApprovalItemCount ?? 0, ApprovalCaseOpenedAt!.Value) : null,
        FundingLedgerId is { } ledgerId ? new ProjectView.FundingLedger(ledgerId, FundingLedgerOpenedAt!.Value) : null,
        Version, CreatedAt, UpdatedAt);
}
