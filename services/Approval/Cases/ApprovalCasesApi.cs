using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

public static class ApprovalCasesApi
{
    public static IEndpointRouteBuilder MapApprovalCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{projectId:guid}/approval-case", GetApprovalCaseAsync)
            .WithTags("Approval cases (审批)").WithName("GetApprovalCase")
            .AllowRoles(Roles.Bureau, Roles.District, Roles.Park, Roles.Auditor);
        return app;
    }

    public sealed record ApprovalItemView(
        string Code, string Name, ApprovalStage Stage, int StatutoryWorkingDays, bool LandDependent,
        ApprovalItemStatus Status, DateTimeOffset OpenedAt);

    public sealed record ApprovalCaseView(
        Guid CaseId, Guid ProjectId, decimal ContractedInvestment, DateTimeOffset OpenedAt, IReadOnlyList<ApprovalItemView> Items);

    private sealed record CaseRow(Guid Id, Guid ProjectId, decimal ContractedInvestment, string District, string Park, DateTimeOffset OpenedAt);

    internal static async Task<Results<Ok<ApprovalCaseView>, ProblemHttpResult>> GetApprovalCaseAsync(
        Guid projectId, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var approvalCase = await connection.QuerySingleOrDefaultAsync<CaseRow>(
            "SELECT id, project_id, contracted_investment, district, park, opened_at FROM approval_cases WHERE project_id = @projectId",
            new { projectId });
        if (approvalCase is null || !Actor.From(user).CanSee(new RecordScope(approvalCase.District, approvalCase.Park)))
            return Problems.NotFound("Approval case of project", projectId);

        var items = await connection.QueryAsync<ApprovalItemView>(
            """
            SELECT code, name, stage, statutory_working_days, land_dependent, status, opened_at
            FROM approval_items WHERE case_id = @Id ORDER BY land_dependent, stage, code
            """,
            new { approvalCase.Id });
        return TypedResults.Ok(new ApprovalCaseView(
            approvalCase.Id, approvalCase.ProjectId, approvalCase.ContractedInvestment, approvalCase.OpenedAt, items.AsList()));
    }
}
