using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Lead.Intents;

public static class IntentsApi
{
    public static IEndpointRouteBuilder MapIntentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intents").WithTags("Cooperation intents (合作意向)");
        api.MapPost("/", CreateIntentAsync).WithName("CreateIntent");
        api.MapGet("/{id:guid}", GetIntentAsync).WithName("GetIntent");
        api.MapPost("/{id:guid}/convert", ConvertIntentAsync).WithName("ConvertIntent")
            .WithSummary("Converts the intent into a project (转化为项目); the project service creates it from the published event.");
        return app;
    }

    public sealed record CreateIntentRequest(Guid? EnterpriseId, string? Industry, decimal? IntendedInvestment, string? District);

    public sealed record IntentResponse(
        Guid Id, Guid EnterpriseId, string Industry, decimal IntendedInvestment, string District,
        IntentStatus Status, Guid? ProjectId, DateTimeOffset CreatedAt, DateTimeOffset? ConvertedAt,
        DateTimeOffset? ProjectOpenedAt);

    public sealed record ConversionAccepted(Guid IntentId, Guid ProjectId);

    private const string SelectIntent =
        """
        SELECT id, enterprise_id, industry, intended_investment, district, status, project_id, created_at, converted_at,
               project_opened_at
        FROM cooperation_intents WHERE id = @id
        """;

    internal static async Task<Results<Created<IntentResponse>, ValidationProblem>> CreateIntentAsync(
        CreateIntentRequest request, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireId("enterpriseId", request.EnterpriseId)
            .RequireText("industry", request.Industry, 50)
            .RequireAmount("intendedInvestment", request.IntendedInvestment)
            .RequireText("district", request.District, 50);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = new IntentResponse(
            Guid.CreateVersion7(), request.EnterpriseId!.Value, request.Industry!.Trim(), request.IntendedInvestment!.Value,
            request.District!.Trim(), IntentStatus.New, null, DateTimeOffset.UtcNow, null, null);
        var inserted = await connection.ExecuteAsync(
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
        return TypedResults.Created($"/api/intents/{intent.Id}", intent);
    }

    internal static async Task<Results<Ok<IntentResponse>, ProblemHttpResult>> GetIntentAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = await connection.QuerySingleOrDefaultAsync<IntentResponse>(SelectIntent, new { id });
        return intent is null ? Problems.NotFound("Cooperation intent", id) : TypedResults.Ok(intent);
    }

    internal static async Task<Results<Accepted<ConversionAccepted>, ProblemHttpResult>> ConvertIntentAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var intent = await work.QuerySingleOrDefaultAsync<IntentResponse>(SelectIntent + " FOR UPDATE", new { id });
        if (intent is null)
            return Problems.NotFound("Cooperation intent", id);
        if (!IntentTransitions.CanMove(intent.Status, IntentStatus.Converted))
            return Problems.IllegalTransition("Cooperation intent", intent.Status.ToString(), "converted");

        var enterprise = await work.QuerySingleOrDefaultAsync<(string Name, string? Uscc)>(
            "SELECT name, uscc FROM enterprises WHERE id = @EnterpriseId", new { intent.EnterpriseId });
        var projectId = Guid.CreateVersion7();
        using var activity = LeadTelemetry.Source.StartActivity("convert cooperation intent");
        activity?.SetTag("zhaoshang.intent.id", id).SetTag("zhaoshang.project.id", projectId).SetTag("zhaoshang.district", intent.District);
        var convertedAt = DateTimeOffset.UtcNow;
        await work.ExecuteAsync(
            "UPDATE cooperation_intents SET status = @Status, project_id = @projectId, converted_at = @convertedAt WHERE id = @id",
            new { Status = nameof(IntentStatus.Converted), projectId, convertedAt, id });
        await work.PublishAsync(new CooperationIntentConverted(
            intent.Id, projectId, intent.EnterpriseId, enterprise.Name, enterprise.Uscc?.Trim(), intent.Industry,
            intent.IntendedInvestment, intent.District, convertedAt));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/intents/{intent.Id}", new ConversionAccepted(intent.Id, projectId));
    }
}
