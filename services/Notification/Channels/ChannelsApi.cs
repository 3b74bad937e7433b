using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Notification.Channels;

/// <summary>The channels the bureau configures: group robots (WeCom, DingTalk) and e-mail addresses, each for a scope and from a grade.</summary>
public static class ChannelsApi
{
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification-channels").WithTag("Notification channels (推送渠道)", "The group robots (WeCom, DingTalk) and e-mail addresses the bureau has warnings sent to, by city, district or park.");
        api.MapGet("/", ListAsync).WithName("ListNotificationChannels").AllowRoles(Roles.Bureau)
            .WithSummary("The channels (secrets are never returned, only hasSecret).");
        api.MapPost("/", CreateAsync).WithName("CreateNotificationChannel").AllowRoles(Roles.Bureau)
            .WithSummary("Adds a channel: a WeCom or DingTalk robot's webhook (DingTalk 加签 secret optional) or an e-mail address.");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateNotificationChannel").AllowRoles(Roles.Bureau)
            .WithSummary("Changes a channel (the version read; stale → 409). A null secret keeps the stored one, \"\" removes it.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteNotificationChannel").AllowRoles(Roles.Bureau)
            .WithSummary("Removes a channel; what it already sent stays in the deliveries.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<Channel>>> ListAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var channels = await connection.QueryAsync<Channel>(
            $"SELECT {Channel.Columns} FROM notification_channels WHERE deleted_at IS NULL ORDER BY name, id");
        return TypedResults.Ok<IReadOnlyList<Channel>>(channels.AsList());
    }

    internal static async Task<Results<Created<Channel>, ValidationProblem>> CreateAsync(
        ChannelRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = request.Validate(requireVersion: false);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var channel = await work.QuerySingleAsync<Channel>(
            $"""
            INSERT INTO notification_channels (id, name, kind, target, secret, scope_kind, scope_value, min_grade, enabled, version)
            VALUES (@id, @Name, @Kind, @Target, NULLIF(@Secret, ''), @ScopeKind, @ScopeValue, @MinGrade, @enabled, 1)
            RETURNING {Channel.Columns}
            """,
            new
            {
                id = Guid.CreateVersion7(), Name = request.Name!.Trim(), request.Kind, request.Target, request.Secret, request.ScopeKind,
                request.ScopeValue, request.MinGrade, enabled = request.Enabled ?? true,
            });
        await work.AuditAsync("NotificationChannel", channel.Id, "created", null, channel);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/notification-channels/{channel.Id}", channel);
    }

    internal static async Task<Results<Ok<Channel>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ChannelRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = request.Validate(requireVersion: true);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var before = await work.QuerySingleOrDefaultAsync<Channel>(
            $"SELECT {Channel.Columns} FROM notification_channels WHERE id = @id AND deleted_at IS NULL FOR UPDATE", new { id });
        if (before is null)
            return Problems.NotFound("Notification channel", id);
        if (before.Version != request.Version)
            return Stale(before);
        var after = await work.QuerySingleAsync<Channel>(
            $"""
            UPDATE notification_channels SET name = @Name, kind = @Kind, target = @Target,
                secret = CASE WHEN @Secret::text IS NULL THEN secret ELSE NULLIF(@Secret, '') END,
                scope_kind = @ScopeKind, scope_value = @ScopeValue, min_grade = @MinGrade, enabled = @enabled, version = version + 1
            WHERE id = @id RETURNING {Channel.Columns}
            """,
            new
            {
                id, Name = request.Name!.Trim(), request.Kind, request.Target, request.Secret, request.ScopeKind, request.ScopeValue,
                request.MinGrade, enabled = request.Enabled ?? true,
            });
        await work.AuditAsync("NotificationChannel", id, "changed", before, after);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, int? version, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var before = await work.QuerySingleOrDefaultAsync<Channel>(
            $"SELECT {Channel.Columns} FROM notification_channels WHERE id = @id AND deleted_at IS NULL FOR UPDATE", new { id });
        if (before is null)
            return Problems.NotFound("Notification channel", id);
        if (version is not null && before.Version != version)
            return Stale(before);
        await work.ExecuteAsync("UPDATE notification_channels SET deleted_at = @now WHERE id = @id", new { id, now = clock.GetUtcNow() });
        await work.AuditAsync("NotificationChannel", id, "deleted", before, null);
        await work.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Stale(Channel current) =>
        Problems.Conflict("The channel was changed meanwhile.", $"The channel is at version {current.Version}; read it again and repeat the change.");
}
