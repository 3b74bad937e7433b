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
        var open = await OpenIntents.ReadAsync(connection, actor.OwnDistrict ?? filter.District);
        var overdue = open
            .Where(i => i.IsVisibleTo(actor) && (filter.District is null || i.District == filter.District))
            .Select(i => new OverdueIntent(i, ServiceLevelRules.Breaches(i, asOf, calendar)
                .Where(b => filter.Kind is null || b.Kind == filter.Kind).ToList()))
            .Where(o => o.Breaches.Count > 0)
            .OrderByDescending(o => o.Breaches.Max(b => b.WorkingDaysLate))
            .ThenBy(o => o.Intent.ReceivedOn)
            .ToList();
        return TypedResults.Ok(new Page<OverdueIntent>(
            overdue.Skip((int)Math.Min(page.Offset, overdue.Count)).Take(page.Size).ToList(), page.Number, page.Size, overdue.Count));
    }
}

/// <summary>The intents service levels apply to.</summary>
internal static class OpenIntents
{
    private const string Sql =
        $"""
        SELECT {IntentRow.Columns} FROM {IntentRow.From}
        WHERE i.status IN ('New', 'Following', 'Qualified') AND (@District::text IS NULL OR i.district = @District)
        """;

    public static async Task<IReadOnlyList<CooperationIntent>> ReadAsync(Npgsql.NpgsqlConnection connection, string? district) =>
        (await connection.QueryAsync<IntentRow>(Sql, new { District = district })).Select(r => r.ToIntent()).ToList();
}
