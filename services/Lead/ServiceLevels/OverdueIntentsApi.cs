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
        // No row (rather than a null) when there is no open intent at all.
        var earliest = await connection.QueryFirstOrDefaultAsync<DateOnly?>(
            $"SELECT min(least(i.received_on, i.last_contact_on)) FROM cooperation_intents i WHERE {OverdueSql.Open} HAVING count(*) > 0", scope);
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
