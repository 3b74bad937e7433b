using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.ServiceLevels;

public static class OverdueIntentsApi
{
    public static IEndpointRouteBuilder MapOverdueIntentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/intents/overdue", ListOverdueAsync)
            .WithTags("Cooperation intents (合作意向)").WithName("ListOverdueIntents").AllowRoles(IntentsApi.Readers)
            .WithSummary("Open intents that missed a service level, and why; asOf (a date) looks at another day than today.");
        return app;
    }

    public sealed record OverdueFilter(DateOnly? AsOf, string? District, ServiceLevelKind? Kind, int? Page, int? PageSize);

    public sealed record OverdueIntent(CooperationIntent Intent, IReadOnlyList<ServiceLevelBreach> Breaches);

    internal static async Task<Results<Ok<Page<OverdueIntent>>, ValidationProblem>> ListOverdueAsync(
        [AsParameters] OverdueFilter filter, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, null);
        var errors = page.Validate(new ValidationErrors()).CheckDate("asOf", filter.AsOf);
        if (!errors.IsValid)
            return errors.ToProblem();

        var actor = Actor.From(user);
        var asOf = filter.AsOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        var scope = new { Scope = actor.OwnDistrict, filter.District };
        var earliest = await connection.QuerySingleAsync<DateOnly?>(
            $"SELECT min(least(i.received_on, i.last_contact_on)) FROM cooperation_intents i WHERE {OverdueSql.Open}", scope);
        if (earliest is null || earliest > asOf)
            return TypedResults.Ok(new Page<OverdueIntent>([], page.Number, page.Size, 0));

        var (days, ordinals) = WorkingDayOrdinals.Between(calendar, earliest.Value, asOf);
        var rows = await connection.QueryPageAsync<IntentRow>(OverdueSql.Page, new
        {
            scope.Scope, scope.District, Kind = filter.Kind?.ToString(), Days = days, Ordinals = ordinals, AsOfOrdinal = ordinals[^1],
            ServiceLevelRules.ResponseDays, ServiceLevelRules.AssessmentDays, ServiceLevelRules.LargeAssessmentDays,
            ServiceLevelRules.FollowUpDays, ServiceLevelRules.LargeInvestment, page.Size, page.Offset,
        }, page);
        return TypedResults.Ok(rows.Select(r => r.ToIntent()).Select(i => new OverdueIntent(i, ServiceLevelRules.Breaches(i, asOf, calendar)
            .Where(b => filter.Kind is null || b.Kind == filter.Kind).ToList())));
    }
}

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

    public const string Page =
        $"""
        WITH calendar (day, ordinal) AS (SELECT * FROM unnest(@Days::date[], @Ordinals::int[])),
        late AS (
            SELECT i.id, greatest(
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
            WHERE {Open})
        SELECT {IntentRow.Columns}, count(*) OVER () AS total
        FROM late JOIN {IntentRow.From} ON i.id = late.id
        WHERE late.working_days_late > 0
        ORDER BY late.working_days_late DESC, i.received_on, i.id
        LIMIT @Size OFFSET @Offset
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

/// <summary>The intents service levels apply to that are coming due.</summary>
internal static class OpenIntents
{
    /// <summary>
    /// The open intents with a deadline due by <paramref name="within"/> working days after <paramref name="today"/> (or
    /// past), and those of <paramref name="warned"/> still open. Days received or contacted over ten years ago count as due.
    /// </summary>
    public static async Task<IReadOnlyList<CooperationIntent>> DueAsync(
        Npgsql.NpgsqlConnection connection, WorkCalendar calendar, DateOnly today, int within, Guid[] warned)
    {
        var (days, ordinals) = WorkingDayOrdinals.Between(calendar, today.AddYears(-10), today);
        return (await connection.QueryAsync<IntentRow>(OverdueSql.Due, new
        {
            Days = days, Ordinals = ordinals, Threshold = ordinals[^1] + within, Warned = warned,
            ServiceLevelRules.ResponseDays, ServiceLevelRules.AssessmentDays, ServiceLevelRules.LargeAssessmentDays,
            ServiceLevelRules.FollowUpDays, ServiceLevelRules.LargeInvestment,
        })).Select(r => r.ToIntent()).ToList();
    }
}
