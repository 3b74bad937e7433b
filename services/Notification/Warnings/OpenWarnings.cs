namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// The warnings open on a day (<c>@asOf</c>): each deadline with the highest grade raised by then, unless a clearance of
/// its item newer than its first raise came by then. Narrowed by <c>@district</c>, <c>@park</c>, <c>@person</c> (a
/// recipient), <c>@gradeRank</c> (a grade by its rank, so the page comes off the index in its order) and <c>@source</c>, each
/// ignored when null;
/// <c>@denied</c> (a caller asking outside their scope) matches nothing.
/// </summary>
internal static class OpenWarnings
{
    /// <summary>
    /// The <c>open</c> CTE (deadline, grade then, district; no join, so counts read the states alone). From today on, the
    /// deadlines' current states (what is open now, at its highest grade); a past day reads the deadlines open that day
    /// (the range index) and grades each from its history as of then.
    /// </summary>
    public static string Sql(bool current) =>
        $"""
        WITH open AS (
            SELECT s.item_key, s.due_on, s.district, c.warning_key, c.grade, c.grade_rank, c.graded_on
            FROM warning_states s
            {(current ? Current : OnThatDay)}
              AND NOT @denied
              AND (@district::text IS NULL OR s.district = @district)
              AND (@park::text IS NULL OR s.park = @park)
              AND (@person::text IS NULL OR EXISTS (
                  SELECT 1 FROM warnings p WHERE p.item_key = s.item_key AND p.due_on = s.due_on AND @person = ANY (p.recipients)))
              AND (@gradeRank::int IS NULL OR c.grade_rank = @gradeRank)
              AND (@source::text IS NULL OR s.source = @source))
        """;

    /// <summary>What a row of the list shows: the open warning with its deadline's description.</summary>
    public const string Listed =
        """
        SELECT o.item_key, o.warning_key, w.source, w.title, o.grade, o.due_on, w.district, w.park, w.project_id, w.recipients, w.link,
               o.graded_on
        FROM open o JOIN warnings w ON w.item_key = o.item_key AND w.due_on = o.due_on
        ORDER BY o.grade_rank DESC, o.due_on, o.item_key
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
