using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Staff working an item: grant, reject, accept with deficiency (容缺受理), supply the missing documents, resubmit after
/// 补正.
/// </summary>
public static class ApprovalItemsApi
{
    public static readonly string[] Changers = [Roles.Bureau, Roles.District];

    public static IEndpointRouteBuilder MapApprovalItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{projectId:guid}/approval-case/items/{code}").WithTags("Approval cases (审批)");
        api.MapPost("/grant", GrantAsync).WithName("GrantApprovalItem").AllowRoles(Changers)
            .WithSummary("Grants the item; a land-dependent one is thereby pre-approved and issued on land day (四证齐发).");
        api.MapPost("/reject", RejectAsync).WithName("RejectApprovalItem").AllowRoles(Changers)
            .WithSummary("Rejects the item, with the reason.");
        api.MapPost("/accept-with-deficiency", AcceptWithDeficiencyAsync).WithName("AcceptApprovalItemWithDeficiency").AllowRoles(Changers)
            .WithSummary("容缺受理: accepts the item with named documents missing, to be supplied by the committed date.");
        api.MapPost("/supply-documents", SupplyDocumentsAsync).WithName("SupplyApprovalItemDocuments").AllowRoles(Changers)
            .WithSummary("The missing documents arrived: review resumes (a suspended item only within 15 working days).");
        api.MapPost("/resubmit", ResubmitAsync).WithName("ResubmitApprovalItem").AllowRoles(Changers)
            .WithSummary("补正后重新申报: reopens a returned or rejected item with a new due date and submits it again, with the reason.");
        return app;
    }

    public sealed record ReasonRequest(string? Reason);

    public sealed record DeficiencyRequest(IReadOnlyList<string>? MissingDocuments, DateOnly? CommittedOn);

    internal static Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        Guid projectId, string code, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ChangeAsync(projectId, code, user, database, calendar, clock, cancellationToken, (item, _) =>
            Move(item, item with { Status = ApprovalItemStatus.Granted, DecidedAt = clock.GetUtcNow() }, "granted", null));

    internal static async Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid projectId, string code, ReasonRequest request, ClaimsPrincipal user, Database database, WorkCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        return await ChangeAsync(projectId, code, user, database, calendar, clock, cancellationToken, (item, _) =>
            Move(item, item with { Status = ApprovalItemStatus.Rejected, DecidedAt = clock.GetUtcNow() }, "rejected", request.Reason!.Trim()));
    }

    internal static async Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> AcceptWithDeficiencyAsync(
        Guid projectId, string code, DeficiencyRequest request, ClaimsPrincipal user, Database database, WorkCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireDate("committedOn", request.CommittedOn);
        if (request.MissingDocuments is null || request.MissingDocuments.Count == 0
            || request.MissingDocuments.Any(d => string.IsNullOrWhiteSpace(d) || d.Length > 200) || request.MissingDocuments.Count > 50)
            errors.Add("missingDocuments", "'missingDocuments' names 1 to 50 documents of 1 to 200 characters.");
        if (request.CommittedOn < clock.TodayInChina())
            errors.Add("committedOn", "'committedOn' cannot be in the past.");
        if (!errors.IsValid)
            return errors.ToProblem();
        return await ChangeAsync(projectId, code, user, database, calendar, clock, cancellationToken, (item, _) => Move(
            item,
            item with
            {
                Status = ApprovalItemStatus.AcceptedWithDeficiency,
                MissingDocuments = request.MissingDocuments!.Select(d => d.Trim()).ToArray(),
                CommittedOn = request.CommittedOn,
            },
            "accepted with deficiency", new { request.MissingDocuments, request.CommittedOn }));
    }

    internal static Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> SupplyDocumentsAsync(
        Guid projectId, string code, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken) =>
        ChangeAsync(projectId, code, user, database, calendar, clock, cancellationToken, (item, today) =>
            item.Status == ApprovalItemStatus.Suspended && !DeficiencyRules.CanResume(item.SuspendedOn!.Value, today, calendar)
                ? Problems.Conflict("Too late to resume.", $"The item was suspended on {item.SuspendedOn:yyyy-MM-dd}; documents had to come within 15 working days.")
                : Move(item, item with { Status = ApprovalItemStatus.Open, MissingDocuments = null, CommittedOn = null, SuspendedOn = null },
                    item.Status == ApprovalItemStatus.Suspended ? "resumed" : "documents supplied", new { item.MissingDocuments }));

    internal static async Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> ResubmitAsync(
        Guid projectId, string code, ReasonRequest request, ClaimsPrincipal user, Database database, WorkCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        return await ChangeAsync(projectId, code, user, database, calendar, clock, cancellationToken, (item, _) =>
            ApprovalItemTransitions.CanResubmit(item.Status)
                ? new Resubmission(request.Reason!.Trim())
                : Problems.IllegalTransition("Approval item", item.Status.ToString(), "resubmitted"));
    }

    private static object Move(ApprovalItem item, ApprovalItem changed, string action, object? details) =>
        ApprovalItemTransitions.CanMove(item.Status, changed.Status)
            ? new ItemChange(changed, action, details)
            : Problems.IllegalTransition("Approval item", item.Status.ToString(), action);

    private sealed record ItemChange(ApprovalItem Changed, string Action, object? Details);

    private sealed record Resubmission(string Reason);

    /// <summary>Locks the case, finds the item, applies the change the rule allows, and advances the case.</summary>
    private static async Task<Results<Ok<ApprovalItem>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid projectId, string code, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken, Func<ApprovalItem, DateOnly, object> decide)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var workflow = await CaseWorkflow.LockAsync(work, projectId, calendar, clock);
        if (workflow is null || !work.Actor.CanSee(workflow.Case.Scope) || workflow.Item(code) is not { } item)
            return Problems.NotFound($"Approval item '{code}' of project", projectId);
        if (!work.Actor.CanChange(workflow.Case.Scope))
            return Problems.Forbidden($"Only the bureau and {workflow.Case.District}'s staff may work this case.");

        switch (decide(item, clock.TodayInChina()))
        {
            case ProblemHttpResult problem:
                return problem;
            case ItemChange change:
                await workflow.ChangeAsync(item, change.Changed, change.Action, change.Details);
                break;
            case Resubmission resubmission:
                await workflow.OpenAsync(item, item.Submission + 1, "resubmitted", new { resubmission.Reason });
                break;
            default:
                throw new InvalidOperationException("Unknown item change.");
        }

        await workflow.AdvanceAsync();
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(workflow.Item(code)!);
    }
}
