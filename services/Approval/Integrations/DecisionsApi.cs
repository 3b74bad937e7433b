using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Integrations;

/// <summary>
/// The signed webhook through which an approval system reports its decisions. Repeated deliveries of a decision id
/// are recorded once; decisions may arrive out of order and before the project's case exists. A system decides only the
/// items configured for it (<see cref="ApprovalSystemItems"/>); the request's nonce is recorded with the decision.
/// </summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integrations/{system}/decisions", ReceiveDecisionAsync)
            .WithTag("Approval-system integration (审批系统对接)", "Decisions that government approval systems report over the signed webhook.").WithName("ReceiveDecision")
            .WithSummary("An approval system reports a decision on one item; 202 when new, 200 for a repeat.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AllowApprovalSystems();
        return app;
    }

    public sealed record DecisionRequest(
        string? DecisionId, Guid? ProjectId, string? ItemCode, DecisionOutcome? Outcome, DateTimeOffset? DecidedAt,
        string? ProjectCode, string? Remarks);

    internal static async Task<Results<Accepted<DecisionReceipt>, Ok<DecisionReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveDecisionAsync(
        string system, DecisionRequest request, HttpContext http, Database database, ApprovalCatalogue catalogue, ApprovalSystemItems items,
        WorkCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("decisionId", request.DecisionId, 100)
            .RequireId("projectId", request.ProjectId)
            .RequireText("itemCode", request.ItemCode, 50);
        if (request.ItemCode is not null && !catalogue.Contains(request.ItemCode))
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
        if (items.Refusal(system, request.ItemCode!) is { } refusal)
            return Problems.Forbidden(refusal);

        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        if (!await WebhookNonces.RecordAsync(work, http.User))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Replayed request.",
                detail: "This nonce came with a request that was accepted before; a new request needs a new nonce.");
        var receipt = await DecisionIntake.ReceiveAsync(work, new ExternalDecision(
            system, request.DecisionId!, request.ProjectId!.Value, request.ItemCode!, request.Outcome!.Value,
            request.DecidedAt!.Value, request.ProjectCode, request.Remarks), calendar, clock);
        await work.CommitAsync(cancellationToken);
        return receipt.Duplicate ? TypedResults.Ok(receipt) : TypedResults.Accepted((string?)null, receipt);
    }
}
