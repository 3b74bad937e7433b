using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Integrations;

/// <summary>
/// The signed webhook through which an approval system reports its decisions. Decisions are recorded once per
/// (system, decision id); applying them to the case's items is the approval workflow's job (issue #6).
/// </summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/{system}/decisions", ReceiveDecisionAsync)
            .WithTags("Approval-system integration (审批系统对接)").WithName("ReceiveDecision")
            .WithSummary("An approval system reports a decision on one item; repeated deliveries of a decision id are recorded once.")
            .AllowApprovalSystems();
        return app;
    }

    public sealed record DecisionRequest(
        string? DecisionId, Guid? ProjectId, string? ItemCode, DecisionOutcome? Outcome, DateTimeOffset? DecidedAt,
        string? ProjectCode, string? Remarks);

    public sealed record DecisionReceipt(Guid Id, string System, string DecisionId, bool Duplicate);

    internal static async Task<Results<Accepted<DecisionReceipt>, Ok<DecisionReceipt>, ValidationProblem>> ReceiveDecisionAsync(
        string system, DecisionRequest request, HttpContext http, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("decisionId", request.DecisionId, 100)
            .RequireId("projectId", request.ProjectId)
            .RequireText("itemCode", request.ItemCode, 50);
        if (request.ItemCode is not null && ApprovalItemCatalogue.Standard.All(i => i.Code != request.ItemCode))
            errors.Add("itemCode", $"'{request.ItemCode}' is not an item of the catalogue.");
        if (request.Outcome is null)
            errors.Add("outcome", "'outcome' is required: Granted, Rejected or Returned.");
        if (request.DecidedAt is null)
            errors.Add("decidedAt", "'decidedAt' is required.");
        if (request.ProjectCode?.Length > 50)
            errors.Add("projectCode", "'projectCode' must be at most 50 characters.");
        if (request.Remarks?.Length > 2000)
            errors.Add("remarks", "'remarks' must be at most 2000 characters.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var decision = new
        {
            Id = Guid.CreateVersion7(), System = system, request.DecisionId, request.ProjectId, request.ItemCode,
            Outcome = request.Outcome!.Value.ToString(), request.DecidedAt, NationalProjectCode = request.ProjectCode,
            request.Remarks, ReceivedAt = clock.GetUtcNow(),
        };
        var recordedId = await work.QuerySingleOrDefaultAsync<Guid?>(
            """
            INSERT INTO external_decisions (id, system, decision_id, project_id, item_code, outcome, decided_at,
                                            national_project_code, remarks, received_at)
            VALUES (@Id, @System, @DecisionId, @ProjectId, @ItemCode, @Outcome, @DecidedAt, @NationalProjectCode,
                    @Remarks, @ReceivedAt)
            ON CONFLICT (system, decision_id) DO NOTHING
            RETURNING id
            """,
            decision);
        if (recordedId is null)
        {
            var existing = await work.QuerySingleOrDefaultAsync<Guid>(
                "SELECT id FROM external_decisions WHERE system = @system AND decision_id = @DecisionId",
                new { system, request.DecisionId });
            return TypedResults.Ok(new DecisionReceipt(existing, system, request.DecisionId!, Duplicate: true));
        }

        await work.AuditAsync("ExternalDecision", decision.Id, "received", null, decision);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new DecisionReceipt(decision.Id, system, request.DecisionId!, Duplicate: false));
    }
}
