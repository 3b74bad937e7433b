namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// The warnings open on a day (<c>@asOf</c>): each deadline with the highest grade raised by then, unless a clearance of
/// its item newer than its first raise came by then. Narrowed by <c>@district</c>, <c>@park</c>, <c>@person</c> (a
/// recipient), <c>@grade</c> and <c>@source</c>, each ignored when null;
/// <c>@denied</c> (a caller asking outside their scope) matches nothing.
/// </summary>
internal static class OpenWarnings
{
    public const string Sql =
        """
        WITH graded AS (
            SELECT DISTINCT ON (g.item_key, g.due_on) g.item_key, g.due_on, g.warning_key, g.grade, g.grade_rank, g.raised_on
            FROM warning_grades g WHERE g.raised_on <= @asOf
            ORDER BY g.item_key, g.due_on, g.grade_rank DESC),
        open AS (
            SELECT c.item_key, c.warning_key, w.source, w.title, c.grade, c.grade_rank, c.due_on, w.district, w.park, w.project_id,
                   w.recipients, w.link, c.raised_on AS graded_on
            FROM graded c JOIN warnings w ON w.item_key = c.item_key AND w.due_on = c.due_on
            WHERE NOT @denied
              AND NOT EXISTS (SELECT 1 FROM warning_clearances x
                              WHERE x.item_key = c.item_key AND x.cleared_at >= w.first_detected_at AND x.cleared_on <= @asOf)
              AND (@district::text IS NULL OR w.district = @district)
              AND (@park::text IS NULL OR w.park = @park)
              AND (@person::text IS NULL OR @person = ANY (w.recipients))
              AND (@grade::text IS NULL OR c.grade = @grade)
              AND (@source::text IS NULL OR w.source = @source))
        """;
}
