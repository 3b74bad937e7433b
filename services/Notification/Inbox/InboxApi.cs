using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Notification.Inbox;

/// <summary>Each user's inbox (站内消息): warnings and reminders for them or their district, park or the bureau; read marks per user.</summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inbox").WithTag("Inbox (消息)", "A member of staff's warnings and reminders in the console, with what they have read.");
        api.MapGet("/", ListAsync).WithName("ListInbox").AllowRoles(Roles.Staff)
            .WithSummary("The caller's inbox, newest first; unread=true for the unread only.");
        api.MapGet("/unread-count", UnreadCountAsync).WithName("CountUnreadInbox").AllowRoles(Roles.Staff)
            .WithSummary("How many items of the caller's inbox are unread.");
        api.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkInboxItemRead").AllowRoles(Roles.Staff)
            .WithSummary("Marks one item read for the caller (again: no change).");
        api.MapPost("/read-all", MarkAllReadAsync).WithName("MarkInboxRead").AllowRoles(Roles.Staff)
            .WithSummary("Marks every item of the caller's inbox read.");
        return app;
    }

    public sealed record InboxItem(
        Guid Id, string Kind, string Key, string Source, string Title, string? Grade, DateOnly DueOn, int? WorkingDays,
        string District, string? Park, Guid? ProjectId, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public sealed record UnreadCount(long Count);

    public sealed record ReadAll(int Marked);

    internal static async Task<Results<Ok<Page<InboxItem>>, ValidationProblem>> ListAsync(
        bool? unread, int? page, int? pageSize, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var paging = new PageQuery(page, pageSize, null);
        var errors = paging.Validate(new ValidationErrors());
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var items = await connection.QueryPageAsync<InboxItem>(
            InboxItems.Page(actor, unread == true), InboxItems.Count(actor, unread == true),
            new { actor.Subject, actor.District, actor.Park, paging.Size, paging.Offset }, paging);
        return TypedResults.Ok(items);
    }

    internal static async Task<Ok<UnreadCount>> UnreadCountAsync(ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(
            InboxItems.Count(actor, unread: true), new { actor.Subject, actor.District, actor.Park });
        return TypedResults.Ok(new UnreadCount(count));
    }

    internal static async Task<Results<Ok<InboxItem>, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = new { id, actor.Subject, actor.District, actor.Park, now = clock.GetUtcNow() };
        // Only an item the caller sees can be marked; another's reads as not found.
        await connection.ExecuteAsync(
            $"""
            INSERT INTO inbox_reads (item_id, username, read_at)
            SELECT i.id, @Subject, @now FROM inbox_items i WHERE i.id = @id AND {InboxItems.Visible(actor)}
            ON CONFLICT DO NOTHING
            """, parameters);
        var item = await connection.QuerySingleOrDefaultAsync<InboxItem>(
            $"SELECT {InboxItems.Columns} FROM inbox_items i WHERE i.id = @id AND {InboxItems.Visible(actor)}", parameters);
        return item is null ? Problems.NotFound("Inbox item", id) : TypedResults.Ok(item);
    }

    internal static async Task<Ok<ReadAll>> MarkAllReadAsync(
        ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(
            $"""
            INSERT INTO inbox_reads (item_id, username, read_at)
            SELECT i.id, @Subject, @now FROM inbox_items i WHERE {InboxItems.Visible(actor)}
            ON CONFLICT DO NOTHING
            """, new { actor.Subject, actor.District, actor.Park, now = clock.GetUtcNow() });
        return TypedResults.Ok(new ReadAll(marked));
    }
}
