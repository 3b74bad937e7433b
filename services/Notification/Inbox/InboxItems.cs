using Zhaoshang.Contracts;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Notification.Inbox;

/// <summary>The inbox: one item per notice key, and who sees it.</summary>
internal static class InboxItems
{
    public const string Columns =
        """
        i.id, i.kind, i.key, i.source, i.title, i.grade, i.due_on, i.working_days, i.district, i.park, i.project_id, i.link,
        i.created_at, (SELECT r.read_at FROM inbox_reads r WHERE r.item_id = i.id AND r.username = @Subject) AS read_at
        """;

    /// <summary>
    /// Who sees an item: its recipients, and the caller's audience (<see cref="Audience"/>). Read against <c>@Subject</c>,
    /// <c>@District</c>, <c>@Park</c> of the caller.
    /// </summary>
    public static string Visible(Actor actor) => $"(i.recipients @> ARRAY[@Subject] OR {Audience(actor)})";

    /// <summary>
    /// A page of the caller's items, newest first (<c>LIMIT @Size OFFSET @Offset</c>): the page of each of the two disjoint
    /// sets off its own index, then merged.
    /// </summary>
    public static string Page(Actor actor, bool unread)
    {
        var (audience, addressed) = Sets(actor, unread);
        return $"""
            SELECT {Columns}
            FROM ((SELECT i.* FROM inbox_items i WHERE {audience} ORDER BY i.created_at DESC, i.id LIMIT @Size + @Offset)
                  UNION ALL
                  (SELECT i.* FROM inbox_items i WHERE {addressed} ORDER BY i.created_at DESC, i.id LIMIT @Size + @Offset)) i
            ORDER BY i.created_at DESC, i.id LIMIT @Size OFFSET @Offset
            """;
    }

    /// <summary>How many items the caller has, from the two sets' indexes.</summary>
    public static string Count(Actor actor, bool unread)
    {
        var (audience, addressed) = Sets(actor, unread);
        return $"SELECT (SELECT count(*) FROM inbox_items i WHERE {audience}) + (SELECT count(*) FROM inbox_items i WHERE {addressed})";
    }

    /// <summary>
    /// The items a role sees besides those addressed to it: district staff their district's, park staff their park's, the
    /// bureau those escalated to it. One SQL text per role, so that each role's plan (prepared once per connection and
    /// possibly reused generically) uses that audience's index instead of testing every item against every role's rule.
    /// </summary>
    private static string Audience(Actor actor) => actor.Role switch
    {
        Roles.District => "i.district = @District",
        Roles.Park => "i.park = @Park",
        Roles.Bureau => $"i.grade = '{WarningGrades.Bureau}'",
        _ => "false",
    };

    /// <summary>
    /// The audience's items, and those addressed to the caller outside it (IS NOT TRUE: a null park is outside); of the
    /// unread only, when asked, as a condition of the SQL text rather than of a parameter, so that it plans as an anti-join.
    /// </summary>
    private static (string Audience, string Addressed) Sets(Actor actor, bool unread)
    {
        var unreadOnly = unread ? " AND NOT EXISTS (SELECT 1 FROM inbox_reads r WHERE r.item_id = i.id AND r.username = @Subject)" : "";
        return ($"{Audience(actor)}{unreadOnly}", $"i.recipients @> ARRAY[@Subject] AND ({Audience(actor)}) IS NOT TRUE{unreadOnly}");
    }

    /// <summary>Adds the notice's item; false when its key is in the inbox already (a redelivery or another path).</summary>
    public static async Task<bool> AddAsync(UnitOfWork work, Notice notice) =>
        await work.ExecuteAsync(
            """
            INSERT INTO inbox_items (id, kind, key, source, title, grade, due_on, working_days, district, park, project_id, recipients,
                                     link, created_at)
            VALUES (@id, @Kind, @Key, @Source, @Title, @Grade, @DueOn, @WorkingDays, @District, @Park, @ProjectId, @Recipients, @Link,
                    @DetectedAt)
            ON CONFLICT (key) DO NOTHING
            """,
            new
            {
                id = Guid.CreateVersion7(), notice.Kind, notice.Key, notice.Source, notice.Title, notice.Grade, notice.DueOn,
                notice.WorkingDays, notice.District, notice.Park, notice.ProjectId, Recipients = notice.Recipients.ToArray(),
                notice.Link, notice.DetectedAt,
            }) == 1;
}
