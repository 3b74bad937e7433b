using System.Security.Claims;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

public static class IntentsApi
{
    public static IEndpointRouteBuilder MapIntentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intents").WithTags("Cooperation intents (合作意向)");
        api.MapPost("/", CreateIntentAsync).WithName("CreateIntent").AllowRoles(Roles.Bureau, Roles.District);
        api.MapGet("/{id:guid}", GetIntentAsync).WithName("GetIntent").AllowRoles(Roles.Bureau, Roles.District, Roles.Auditor);
        api.MapPost("/{id:guid}/convert", ConvertIntentAsync).WithName("ConvertIntent")
            .WithSummary("Converts the intent into a project (转化为项目); the project service creates it from the published event.")
            .AllowRoles(Roles.Bureau, Roles.District);
        return app;
    }

    public sealed record CreateIntentRequest(Guid? EnterpriseId, string? Industry, decimal? IntendedInvestment, string? District);

    public sealed record IntentResponse(
        Guid Id, Guid EnterpriseId, string Industry, decimal IntendedInvestment, string District,
        IntentStatus Status, Guid? ProjectId, DateTimeOffset CreatedAt, DateTimeOffset? ConvertedAt,
        DateTimeOffset? ProjectOpenedAt)
    {
        [JsonIgnore]
        public RecordScope Scope => new(District);
    }

    public sealed record ConversionAccepted(Guid IntentId, Guid ProjectId);

    private const string SelectIntent =
        """
        SELECT id, enterprise_id, industry, intended_investment, district, status, project_id, created_at, converted_at,
               project_opened_at
        FROM cooperation_intents WHERE id = @id
        """;

    internal static async Task<Results<Created<IntentResponse>, ValidationProblem, ProblemHttpResult>> CreateIntentAsync(
        CreateIntentRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireId("enterpriseId", request.EnterpriseId)
            .RequireText("industry", request.Industry, 50)
            .RequireAmount("intendedInvestment", request.IntendedInvestment)
            .RequireText("district", request.District, 50);
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(user);
        if (!actor.CanChange(new RecordScope(request.District!.Trim())))
            return Problems.Forbidden("District staff record intents for their own district only.");

        var intent = new IntentResponse(
            Guid.CreateVersion7(), request.EnterpriseId!.Value, request.Industry!.Trim(), request.IntendedInvestment!.Value,
            request.District.Trim(), IntentStatus.New, null, DateTimeOffset.UtcNow, null, null);
        await using var work = await database.BeginAsync(actor, cancellationToken);
        var inserted = await work.ExecuteAsync(
            """
            INSERT INTO cooperation_intents (id, enterprise_id, industry, intended_investment, district, status, created_at)
            SELECT @Id, @EnterpriseId, @Industry, @IntendedInvestment, @District, @Status, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM enterprises WHERE id = @EnterpriseId)
            """,
            new
            {
                intent.Id, intent.EnterpriseId, intent.Industry, intent.IntendedInvestment, intent.District,
                Status = intent.Status.ToString(), intent.CreatedAt,
            });
        if (inserted == 0)
            return errors.Add("enterpriseId", $"There is no enterprise with id {request.EnterpriseId}.").ToProblem();
        await work.AuditAsync("CooperationIntent", intent.Id, "created", null, intent);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/intents/{intent.Id}", intent);
    }

    internal static async Task<Results<Ok<IntentResponse>, ProblemHttpResult>> GetIntentAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = await connection.QuerySingleOrDefaultAsync<IntentResponse>(SelectIntent, new { id });
        return intent is null || !Actor.From(user).CanSee(intent.Scope)
            ? Problems.NotFound("Cooperation intent", id)
            : TypedResults.Ok(intent);
    }

    internal static async Task<Results<Accepted<ConversionAccepted>, ProblemHttpResult>> ConvertIntentAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var intent = await work.QuerySingleOrDefaultAsync<IntentResponse>(SelectIntent + " FOR UPDATE", new { id });
        if (intent is null || !work.Actor.CanChange(intent.Scope))
            return Problems.NotFound("Cooperation intent", id);
        if (!IntentTransitions.CanMove(intent.Status, IntentStatus.Converted))
            return Problems.IllegalTransition("Cooperation intent", intent.Status.ToString(), "converted");

        var enterprise = await work.QuerySingleOrDefaultAsync<(string Name, string? Uscc)>(
            "SELECT name, uscc FROM enterprises WHERE id = @EnterpriseId", new { intent.EnterpriseId });
        var projectId = Guid.CreateVersion7();
        using var activity = LeadTelemetry.Source.StartActivity("convert cooperation intent");
        activity?.SetTag("zhaoshang.intent.id", id).SetTag("zhaoshang.project.id", projectId).SetTag("zhaoshang.district", intent.District);
        var converted = intent with { Status = IntentStatus.Converted, ProjectId = projectId, ConvertedAt = DateTimeOffset.UtcNow };
        await work.ExecuteAsync(
            "UPDATE cooperation_intents SET status = @Status, project_id = @ProjectId, converted_at = @ConvertedAt WHERE id = @Id",
            new { Status = converted.Status.ToString(), converted.ProjectId, converted.ConvertedAt, converted.Id });
        await work.AuditAsync("CooperationIntent", id, "converted",
            new { intent.Status }, new { converted.Status, converted.ProjectId, converted.ConvertedAt });
        await work.PublishAsync(new CooperationIntentConverted(
            intent.Id, projectId, intent.EnterpriseId, enterprise.Name, enterprise.Uscc?.Trim(), intent.Industry,
            intent.IntendedInvestment, intent.District, converted.ConvertedAt!.Value));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/intents/{intent.Id}", new ConversionAccepted(intent.Id, projectId));
    }
}
