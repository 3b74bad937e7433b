using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.Lead.ServiceLevels;

/// <summary>
/// The overdue list in SQL, paged there: each open intent's deadlines as working-day ordinals (the calendar passed as
/// days and their ordinals, <see cref="WorkingDayOrdinals"/>), late when today's ordinal is past the deadline's, ordered as
/// <see cref="ServiceLevelRules.Breaches"/> counts lateness: most working days late first, then the oldest received.
/// </summary>
internal static class OverdueSql
{
    /// <summary>Open intents of the caller's scope (district staff: their district) and the asked district.</summary>
    public const string Open =
        """
        i.status IN ('New', 'Following', 'Qualified')
        AND (@Scope::text IS NULL OR i.district = @Scope) AND (@District::text IS NULL OR i.district = @District)
        """;

    /// <summary>
    /// Lateness is worked out from the open intents' index alone (cooperation_intents_open_deadlines) and the page and the
    /// count taken from that; only the page's intents are then read whole and joined to their enterprises.
    /// </summary>
    public const string Page =
        $"""
        WITH calendar (day, ordinal) AS (SELECT * FROM unnest(@Days::date[], @Ordinals::int[])),
        late AS (
            SELECT i.id, i.received_on, greatest(
                CASE WHEN i.responded_on IS NULL AND coalesce(@Kind, 'Response') = 'Response'
                     THEN @AsOfOrdinal - received.ordinal - @ResponseDays END,
                CASE WHEN i.assessed_on IS NULL AND coalesce(@Kind, 'Assessment') = 'Assessment'
                     THEN @AsOfOrdinal - received.ordinal
                          - CASE WHEN i.intended_investment >= @LargeInvestment THEN @LargeAssessmentDays ELSE @AssessmentDays END END,
                CASE WHEN i.status IN ('Following', 'Qualified') AND coalesce(@Kind, 'FollowUp') = 'FollowUp'
                     THEN @AsOfOrdinal - contacted.ordinal - @FollowUpDays END) AS working_days_late
            FROM cooperation_intents i
            JOIN calendar received ON received.day = i.received_on
            JOIN calendar contacted ON contacted.day = coalesce(i.last_contact_on, i.received_on)
            WHERE {Open}),
        page AS (
            SELECT id, working_days_late, count(*) OVER () AS total
            FROM late
            WHERE working_days_late > 0
            ORDER BY working_days_late DESC, received_on, id
            LIMIT @Size OFFSET @Offset)
        SELECT {IntentRow.Columns}, page.total
        FROM page JOIN {IntentRow.From} ON i.id = page.id
        ORDER BY page.working_days_late DESC, i.received_on, i.id
        """;

    /// <summary>The scanner's: open intents with a deadline's ordinal at most @Threshold (unknown days: long past), or warned.</summary>
    public const string Due =
        $"""
        WITH calendar (day, ordinal) AS (SELECT * FROM unnest(@Days::date[], @Ordinals::int[]))
        SELECT {IntentRow.Columns}
        FROM {IntentRow.From}
        LEFT JOIN calendar received ON received.day = i.received_on
        LEFT JOIN calendar contacted ON contacted.day = coalesce(i.last_contact_on, i.received_on)
        WHERE i.status IN ('New', 'Following', 'Qualified')
          AND (i.id = ANY(@Warned)
               OR (i.responded_on IS NULL AND coalesce(received.ordinal, -1) + @ResponseDays <= @Threshold)
               OR (i.assessed_on IS NULL AND coalesce(received.ordinal, -1)
                   + CASE WHEN i.intended_investment >= @LargeInvestment THEN @LargeAssessmentDays ELSE @AssessmentDays END <= @Threshold)
               OR (i.status IN ('Following', 'Qualified') AND coalesce(contacted.ordinal, -1) + @FollowUpDays <= @Threshold))
        """;
}

/// <summary>Each day from the first to the last with the working days since the first (that one not counted): W(d) − W(b) = working days in (b, d].</summary>
internal static class WorkingDayOrdinals
{
    public static (DateOnly[] Days, int[] Ordinals) Between(WorkCalendar calendar, DateOnly first, DateOnly last)
    {
        var days = new DateOnly[last.DayNumber - first.DayNumber + 1];
        var ordinals = new int[days.Length];
        for (var n = 0; n < days.Length; n++)
        {
            days[n] = first.AddDays(n);
            ordinals[n] = n == 0 ? 0 : ordinals[n - 1] + (calendar.IsWorkingDay(days[n]) ? 1 : 0);
        }

        return (days, ordinals);
    }
}
