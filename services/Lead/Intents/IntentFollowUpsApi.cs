using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>Working an intent: its task team (专班) and its follow-up records (对接记录).</summary>
public static class IntentFollowUpsApi
{
    public static IEndpointRouteBuilder MapIntentFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intents/{id:guid}").WithTags("Cooperation intents (合作意向)");
        api.MapPut("/task-team", SetTaskTeamAsync).WithName("SetIntentTaskTeam").AllowRoles(IntentsApi.Changers)
            .WithSummary("Sets the dedicated task team (专班): lead official, members, department.");
        api.MapPost("/follow-ups", RecordFollowUpAsync).WithName("RecordFollowUp").AllowRoles(IntentsApi.Changers)
            .WithSummary("Records a contact (外访/来访/电话/视频); the first one moves a New intent to Following.");
        api.MapGet("/follow-ups", ListFollowUpsAsync).WithName("ListFollowUps").AllowRoles(IntentsApi.Readers)
            .WithSummary("The intent's follow-up records (对接记录), oldest first.");
        return app;
    }

    public sealed record TaskTeamRequest(string? LeadOfficial, IReadOnlyList<string>? Members, string? Department);

    public sealed record FollowUpRequest(FollowUpKind? Kind, DateOnly? OccurredOn, string? Summary, string? NextStep, DateOnly? NextStepOn);

    public sealed record FollowUp(
        Guid Id, Guid IntentId, FollowUpKind Kind, DateOnly OccurredOn, string Summary, string? NextStep, DateOnly? NextStepOn,
        string RecordedBy, DateTimeOffset RecordedAt);

    internal static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> SetTaskTeamAsync(
        Guid id, TaskTeamRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("leadOfficial", request.LeadOfficial, 100)
            .RequireText("department", request.Department, 100);
        if (request.Members is null || request.Members.Count == 0)
            errors.Add("members", "'members' needs at least one member.");
        else if (request.Members.Count > 50 || request.Members.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 100))
            errors.Add("members", "'members' holds up to 50 names of 1 to 100 characters.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (found, refusal) = await IntentStore.LockOpenForChangeAsync(work, id, "given a task team");
        if (refusal is not null)
            return refusal;
        var intent = found!;

        var team = new IntentTaskTeam(request.LeadOfficial!.Trim(), request.Members!.Select(m => m.Trim()).ToList(), request.Department!.Trim());
        var updated = intent with { TaskTeam = team, Version = intent.Version + 1 };
        await work.ExecuteAsync(
            "UPDATE cooperation_intents SET task_team = @TaskTeam::jsonb, version = @Version WHERE id = @Id",
            new { TaskTeam = JsonSerializer.Serialize(team, IntentRow.Json), updated.Version, updated.Id });
        await work.AuditAsync("CooperationIntent", id, "task team set", new { intent.TaskTeam }, new { TaskTeam = team });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }

    internal static async Task<Results<Created<FollowUp>, ValidationProblem, ProblemHttpResult>> RecordFollowUpAsync(
        Guid id, FollowUpRequest request, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireDate("occurredOn", request.OccurredOn)
            .RequireText("summary", request.Summary, 4000);
        if (request.Kind is null)
            errors.Add("kind", "'kind' is required: VisitOut (外访), VisitIn (来访), Call (电话) or Video (视频).");
        if (request.OccurredOn > clock.TodayInChina())
            errors.Add("occurredOn", "'occurredOn' cannot be in the future.");
        errors.CheckDate("nextStepOn", request.NextStepOn);
        if (request.NextStep?.Length > 2000)
            errors.Add("nextStep", "'nextStep' must be at most 2000 characters.");
        if (request.NextStepOn < request.OccurredOn)
            errors.Add("nextStepOn", "'nextStepOn' cannot be before 'occurredOn'.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (found, refusal) = await IntentStore.LockOpenForChangeAsync(work, id, "followed up");
        if (refusal is not null)
            return refusal;
        var intent = found!;
        if (request.OccurredOn < intent.ReceivedOn)
            return errors.Add("occurredOn", $"'occurredOn' cannot be before the intent was received ({intent.ReceivedOn:yyyy-MM-dd}).").ToProblem();

        var followUp = new FollowUp(
            Guid.CreateVersion7(), id, request.Kind!.Value, request.OccurredOn!.Value, request.Summary!.Trim(),
            request.NextStep?.Trim(), request.NextStepOn, work.Actor.Subject, clock.GetUtcNow());
        await work.ExecuteAsync(
            """
            INSERT INTO intent_follow_ups (id, intent_id, kind, occurred_on, summary, next_step, next_step_on, recorded_by, recorded_at)
            VALUES (@Id, @IntentId, @Kind, @OccurredOn, @Summary, @NextStep, @NextStepOn, @RecordedBy, @RecordedAt)
            """,
            new
            {
                followUp.Id, followUp.IntentId, Kind = followUp.Kind.ToString(), followUp.OccurredOn, followUp.Summary,
                followUp.NextStep, followUp.NextStepOn, followUp.RecordedBy, followUp.RecordedAt,
            });
        var status = intent.Status == IntentStatus.New ? IntentStatus.Following : intent.Status;
        await work.ExecuteAsync(
            """
            UPDATE cooperation_intents
            SET status = @Status,
                responded_on = least(responded_on, @OccurredOn),
                last_contact_on = greatest(last_contact_on, @OccurredOn),
                version = version + 1
            WHERE id = @id
            """,
            new { Status = status.ToString(), followUp.OccurredOn, id });
        await work.AuditAsync("CooperationIntent", id, "follow-up recorded", new { intent.Status }, new { Status = status, FollowUp = followUp });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/intents/{id}/follow-ups", followUp);
    }

    internal static async Task<Results<Ok<IReadOnlyList<FollowUp>>, ProblemHttpResult>> ListFollowUpsAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = await IntentStore.FindAsync(connection, id);
        if (intent is null || !intent.IsVisibleTo(Actor.From(user)))
            return Problems.NotFound("Cooperation intent", id);
        var followUps = await connection.QueryAsync<FollowUp>(
            """
            SELECT id, intent_id, kind, occurred_on, summary, next_step, next_step_on, recorded_by, recorded_at
            FROM intent_follow_ups WHERE intent_id = @id ORDER BY occurred_on, recorded_at
            """,
            new { id });
        return TypedResults.Ok<IReadOnlyList<FollowUp>>(followUps.AsList());
    }
}

/// <summary>How the bureau was in touch with the enterprise.</summary>
public enum FollowUpKind
{
    /// <summary>外访: we visited them.</summary>
    VisitOut,
    /// <summary>来访: they visited us.</summary>
    VisitIn,
    /// <summary>电话</summary>
    Call,
    /// <summary>视频</summary>
    Video,
}
