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
        i.created_at, r.read_at
        """;

    /// <summary>
    /// Who sees an item: its recipients; district staff of its district; park staff of its park; the bureau once it is
    /// escalated to the bureau. Read against <c>@Subject</c>, <c>@Role</c>, <c>@District</c>, <c>@Park</c> of the caller.
    /// </summary>
    public const string Visible =
        $"""
        (@Subject = ANY (i.recipients)
         OR (@Role = '{Roles.District}' AND i.district = @District)
         OR (@Role = '{Roles.Park}' AND i.park = @Park)
         OR (@Role = '{Roles.Bureau}' AND i.grade = '{WarningGrades.Bureau}'))
        """;

    /// <summary>The caller's identity as the <see cref="Visible"/> filter reads it.</summary>
    public static object Caller(Actor actor) => new { actor.Subject, actor.Role, actor.District, actor.Park };

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
