using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>What went out, what waits and what failed (with its last error), for operators; a failed delivery can be sent again.</summary>
public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification-deliveries").WithTag("Notification deliveries (推送记录)", "Each robot message and e-mail: sent, pending or failed with its last error, and an operator's retry.");
        api.MapGet("/", ListAsync).WithName("ListNotificationDeliveries").AllowRoles(Roles.Bureau, Roles.Auditor)
            .WithSummary("Deliveries by status (pending, sent, failed) and by key (a WarningKey or ReminderKey), newest first, each with its attempts and last error.");
        api.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryNotificationDelivery").AllowRoles(Roles.Bureau)
            .WithSummary("Sends a failed delivery again now, with a fresh set of attempts (409 unless it failed).");
        return app;
    }

    public static readonly string[] Statuses = ["pending", "sent", "failed"];

    public sealed record Delivery(
        Guid Id, string Key, string Recipient, string ChannelKind, Guid? ChannelId, string Target, string Subject, string Status,
        int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    private const string Columns =
        "id, key, recipient, channel_kind, channel_id, target, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at";

    internal static async Task<Results<Ok<Page<Delivery>>, ValidationProblem>> ListAsync(
        string? status, string? key, int? page, int? pageSize, Database database, CancellationToken cancellationToken)
    {
        var paging = new PageQuery(page, pageSize, null);
        var errors = paging.Validate(new ValidationErrors());
        if (status is not null && !Statuses.Contains(status))
            errors.Add("status", "'status' is pending, sent or failed.");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var deliveries = await connection.QueryPageAsync<Delivery>(
            $"""
            SELECT {Columns}, count(*) OVER () AS total FROM deliveries
            WHERE (@status::text IS NULL OR status = @status) AND (@key::text IS NULL OR key = @key)
            ORDER BY created_at DESC, id LIMIT @Size OFFSET @Offset
            """,
            new { status, key, paging.Size, paging.Offset }, paging);
        return TypedResults.Ok(deliveries);
    }

    internal static async Task<Results<Ok<Delivery>, ProblemHttpResult>> RetryAsync(
        Guid id, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var before = await work.QuerySingleOrDefaultAsync<Delivery>($"SELECT {Columns} FROM deliveries WHERE id = @id FOR UPDATE", new { id });
        if (before is null)
            return Problems.NotFound("Delivery", id);
        if (before.Status != "failed")
            return Problems.IllegalTransition("Delivery", before.Status, "retried (only a failed delivery is)");
        var after = await work.QuerySingleAsync<Delivery>(
            $"UPDATE deliveries SET attempts = 0, next_attempt_at = @now WHERE id = @id RETURNING {Columns}",
            new { id, now = clock.GetUtcNow() });
        await work.AuditAsync("NotificationDelivery", id, "retried", new { before.Attempts, before.LastError }, new { after.NextAttemptAt });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(after);
    }
}
