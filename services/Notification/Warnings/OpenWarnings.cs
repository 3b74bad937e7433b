namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// The warnings open on a day (<c>@asOf</c>): each deadline with the highest grade raised by then, unless a clearance of
/// its item newer than its first raise came by then. Narrowed by <c>@district</c>, <c>@park</c>, <c>@person</c> (a
/// recipient), <c>@grade</c> and <c>@source</c>, each ignored when null;
/// <c>@denied</c> (a caller asking outside their scope) matches nothing.
/// </summary>
internal static class OpenWarnings
{
    /// <summary>
    /// The <c>open</c> CTE. From today on, the deadlines' current states (what is open now, at its highest grade); a past
    /// day reads the deadlines open that day (the range index) and grades each from its history as of then.
    /// </summary>
    public static string Sql(bool current) =>
        $"""
        WITH open AS (
            SELECT s.item_key, c.warning_key, w.source, w.title, c.grade, c.grade_rank, s.due_on, w.district, w.park, w.project_id,
                   w.recipients, w.link, c.graded_on
            FROM warning_states s JOIN warnings w ON w.item_key = s.item_key AND w.due_on = s.due_on
            {(current ? Current : OnThatDay)}
              AND NOT @denied
              AND (@district::text IS NULL OR w.district = @district)
              AND (@park::text IS NULL OR w.park = @park)
              AND (@person::text IS NULL OR @person = ANY (w.recipients))
              AND (@grade::text IS NULL OR c.grade = @grade)
              AND (@source::text IS NULL OR w.source = @source))
        """;

    private const string Current =
        """
        CROSS JOIN LATERAL (SELECT s.warning_key, s.grade, s.grade_rank, s.graded_on) c
            WHERE s.closed_on IS NULL
        """;

    private const string OnThatDay =
        """
        CROSS JOIN LATERAL (
                SELECT g.warning_key, g.grade, g.grade_rank, g.raised_on AS graded_on FROM warning_grades g
                WHERE g.item_key = s.item_key AND g.due_on = s.due_on AND g.raised_on <= @asOf
                ORDER BY g.grade_rank DESC LIMIT 1) c
            WHERE daterange(s.opened_on, s.closed_on, '[)') @> @asOf::date
        """;
}
