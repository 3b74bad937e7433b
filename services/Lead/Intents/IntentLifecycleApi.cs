using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>Assessing an intent (研判): qualify it, drop it, or convert a qualified one into a project.</summary>
public static class IntentLifecycleApi
{
    public static IEndpointRouteBuilder MapIntentLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intents/{id:guid}").WithTags("Cooperation intents (合作意向)");
        api.MapPost("/qualify", QualifyAsync).WithName("QualifyIntent").AllowRoles(IntentsApi.Changers)
            .WithSummary("Assessed as worth a project (研判通过): Following → Qualified.");
        api.MapPost("/drop", DropAsync).WithName("DropIntent").AllowRoles(IntentsApi.Changers)
            .WithSummary("Gives the intent up, with the reason.");
        api.MapPost("/convert", ConvertAsync).WithName("ConvertIntent").AllowRoles(IntentsApi.Changers)
            .WithSummary("Converts a qualified intent into a project (转化为项目); the project service creates it from the published event.");
        return app;
    }

    public sealed record ReasonRequest(string? Reason);

    public sealed record ConversionAccepted(Guid IntentId, Guid ProjectId);

    internal static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> QualifyAsync(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request?.Reason?.Length > 2000)
            errors.Add("reason", "'reason' must be at most 2000 characters.");
        if (!errors.IsValid)
            return errors.ToProblem();
        return await MoveAsync(id, IntentStatus.Qualified, "qualified", request?.Reason, user, database, clock, cancellationToken);
    }

    internal static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> DropAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        return await MoveAsync(id, IntentStatus.Dropped, "dropped", request.Reason!.Trim(), user, database, clock, cancellationToken);
    }

    private static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, IntentStatus to, string verb, string? reason, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (intent, refusal) = await IntentStore.LockForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (!IntentTransitions.CanMove(intent!.Status, to))
            return Problems.IllegalTransition("Cooperation intent", intent.Status.ToString(), verb);

        var moved = intent with
        {
            Status = to,
            AssessedOn = intent.AssessedOn ?? clock.TodayInChina(),
            DropReason = to == IntentStatus.Dropped ? reason : intent.DropReason,
            Version = intent.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE cooperation_intents
            SET status = @Status, assessed_on = @AssessedOn, drop_reason = @DropReason, version = @Version
            WHERE id = @Id
            """,
            new { Status = moved.Status.ToString(), moved.AssessedOn, moved.DropReason, moved.Version, moved.Id });
        await work.AuditAsync("CooperationIntent", id, verb, new { intent.Status }, new { moved.Status, reason });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(moved);
    }

    internal static async Task<Results<Accepted<ConversionAccepted>, ProblemHttpResult>> ConvertAsync(
        Guid id, ClaimsPrincipal user, Database database, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (intent, refusal) = await IntentStore.LockForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        if (!IntentTransitions.CanMove(intent!.Status, IntentStatus.Converted))
            return Problems.IllegalTransition("Cooperation intent", intent.Status.ToString(), "converted");

        using var activity = LeadTelemetry.Source.StartActivity("convert cooperation intent");
        var converted = intent with
        {
            Status = IntentStatus.Converted, ProjectId = Guid.CreateVersion7(), ConvertedAt = clock.GetUtcNow(),
            Version = intent.Version + 1,
        };
        activity?.SetTag("zhaoshang.intent.id", id).SetTag("zhaoshang.district", intent.District);
        var logger = loggers.CreateLogger("Zhaoshang.Lead.Intents");
        using var projectScope = ProjectTag.Apply(logger, converted.ProjectId!.Value);
        await work.ExecuteAsync(
            """
            UPDATE cooperation_intents
            SET status = @Status, project_id = @ProjectId, converted_at = @ConvertedAt, version = @Version
            WHERE id = @Id
            """,
            new { Status = converted.Status.ToString(), converted.ProjectId, converted.ConvertedAt, converted.Version, converted.Id });
        await work.AuditAsync("CooperationIntent", id, "converted",
            new { intent.Status }, new { converted.Status, converted.ProjectId, converted.ConvertedAt });
        var enterprise = await work.QuerySingleOrDefaultAsync<(string? Uscc, string? HqRegion)>(
            "SELECT trim(uscc), hq_region FROM enterprises WHERE id = @EnterpriseId", new { intent.EnterpriseId });
        await work.PublishAsync(new CooperationIntentConverted(
            intent.Id, converted.ProjectId!.Value, intent.EnterpriseId, intent.EnterpriseName, enterprise.Uscc, intent.Industry,
            intent.IntendedInvestment, intent.District, intent.FirstDistrict, intent.TaskTeam, converted.ConvertedAt!.Value,
            enterprise.HqRegion));
        await work.CommitAsync(cancellationToken);
        logger.LogInformation("Cooperation intent {IntentId} converted into project {ProjectId}.", id, converted.ProjectId);
        return TypedResults.Accepted($"/api/intents/{id}", new ConversionAccepted(id, converted.ProjectId.Value));
    }
}
