using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Outbox rows the relay set aside after <see cref="OutboxOptions.MaxAttempts"/> failures of their own: operators list
/// them and, once the cause is fixed (the build that knows the type is deployed, the queue is back), requeue them.
/// </summary>
public static class DeadLettersApi
{
    /// <summary>The most a list shows, oldest first; <see cref="DeadLetterList.Total"/> counts them all.</summary>
    public const int ListLimit = 200;

    public sealed record DeadLetter(
        Guid Id, string MessageType, JsonElement Body, DateTimeOffset CreatedAt, DateTimeOffset DeadLetteredAt, int Failures,
        string? LastError);

    public sealed record DeadLetterList(long Total, IReadOnlyList<DeadLetter> Items);

    private sealed record DeadLetterRow(
        Guid Id, string MessageType, string Body, DateTimeOffset CreatedAt, DateTimeOffset DeadLetteredAt, int Failures, string? LastError)
    {
        public DeadLetter ToDeadLetter() =>
            new(Id, MessageType, JsonDocument.Parse(Body).RootElement, CreatedAt, DeadLetteredAt, Failures, LastError);
    }

    private sealed record OutboxState(bool Sent, bool DeadLettered);

    internal static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/outbox/dead-letters").WithTag("Outbox (消息发件箱)",
            "Messages the outbox relay set aside after repeated failures of their own, and requeueing them.");
        api.MapGet("", ListAsync).WithName("ListOutboxDeadLetters").AllowRoles(Roles.Bureau)
            .WithSummary($"The outbox messages set aside (dead-lettered), oldest first (at most {ListLimit}), with why they failed.");
        api.MapPost("/{id:guid}/requeue", RequeueAsync).WithName("RequeueOutboxDeadLetter").AllowRoles(Roles.Bureau)
            .WithSummary("Puts a set-aside message back in the outbox: the relay tries it again with its attempts reset; 409 when it is not set aside.");
        return app;
    }

    internal static async Task<Ok<DeadLetterList>> ListAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE dead_lettered_at IS NOT NULL");
        var rows = await connection.QueryAsync<DeadLetterRow>(
            """
            SELECT id, message_type, body::text AS body, created_at, dead_lettered_at, failures, last_error
            FROM outbox_messages WHERE dead_lettered_at IS NOT NULL
            ORDER BY dead_lettered_at, id
            LIMIT @ListLimit
            """,
            new { ListLimit });
        return TypedResults.Ok(new DeadLetterList(total, rows.Select(r => r.ToDeadLetter()).ToList()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RequeueAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var state = await work.QuerySingleOrDefaultAsync<OutboxState>(
            "SELECT sent_at IS NOT NULL AS sent, dead_lettered_at IS NOT NULL AS dead_lettered FROM outbox_messages WHERE id = @id FOR UPDATE",
            new { id });
        if (state is null)
            return Problems.NotFound("Outbox message", id);
        if (!state.DeadLettered)
            return Problems.IllegalTransition("Outbox message", state.Sent ? "sent" : "waiting to be sent", "requeued");

        await work.ExecuteAsync(
            """
            UPDATE outbox_messages SET dead_lettered_at = NULL, failures = 0, retry_at = NULL WHERE id = @id;
            SELECT pg_notify(@Channel, '');
            """,
            new { id, OutboxRelay.Channel });
        await work.AuditAsync("outbox_message", id, "requeued", new { deadLettered = true }, new { deadLettered = false });
        await work.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
