using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Kpis;

public sealed class KpiOptions
{
    /// <summary>A project longer than this in one stage (calendar days) is listed as stuck.</summary>
    public int StuckAfterDays { get; set; } = 90;
}

public static class KpisApi
{
    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", GetKpisAsync).WithTag("KPIs (指标)", "开工率, 落地率, signing-to-start and land-to-start days, 拿地即开工 projects and projects stuck in a stage.").WithName("GetProjectKpis")
            .WithSummary("Projects by stage, 开工率, 落地率, signing→start and land→start days, 拿地即开工 count, stuck projects.")
            .AllowRoles(Roles.Bureau, Roles.District, Roles.Finance, Roles.Auditor);
        return app;
    }

    internal static async Task<Results<Ok<KpiReport>, ValidationProblem>> GetKpisAsync(
        int? year, string? district, int? stuckAfterDays, ClaimsPrincipal user, Database database, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<KpiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (year is not null and (< 2000 or > 2100))
            errors.Add("year", "'year' must be between 2000 and 2100.");
        if (stuckAfterDays is < 1)
            errors.Add("stuckAfterDays", "'stuckAfterDays' must be at least 1.");
        var actor = Actor.From(user);
        if (actor.Role == Roles.District && district is not null && district != actor.District)
            errors.Add("district", "District staff see their own district's KPIs.");
        if (!errors.IsValid)
            return errors.ToProblem();
        district = actor.OwnDistrict ?? district;

        await using var connection = await database.OpenAsync(cancellationToken);
        var projects = (await connection.QueryAsync<KpiProject>(
            """
            SELECT id, enterprise_name, district, first_district, (SELECT name FROM parks WHERE parks.id = projects.park_id) AS park,
                   industry, state,
                   (created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on,
                   (state_entered_at AT TIME ZONE 'Asia/Shanghai')::date AS state_entered_on,
                   signed_on, company_name, land_acquired_on, construction_started_on
            FROM projects
            WHERE @District::text IS NULL OR district = @District OR first_district = @District
            """,
            new { District = district })).AsList();
        return TypedResults.Ok(KpiCalculator.Compute(
            projects, year, district, clock.TodayInChina(), stuckAfterDays ?? options.Value.StuckAfterDays));
    }
}
