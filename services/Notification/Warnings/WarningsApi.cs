using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// The warnings (预警) open on any day, from every source (nodes, intent service levels, approval items), per person,
/// district, park and city, and the director's count per district and grade. District and park staff see their own only.
/// </summary>
public static class WarningsApi
{
    public static IEndpointRouteBuilder MapWarningsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warnings").WithTag("Warnings (预警)", "Graded warnings open on any day (asOf), per person, district, park and city, and their counts per district.");
        api.MapGet("/", ListAsync).WithName("ListWarnings").AllowRoles(Roles.Staff)
            .WithSummary("Warnings open on asOf (default today), most severe first, with their grade on that day.");
        api.MapGet("/summary", SummaryAsync).WithName("SummarizeWarnings").AllowRoles(Roles.Staff)
            .WithSummary("Per district: how many warnings of each grade were open on asOf (default today).");
        return app;
    }

    /// <summary>One open warning: workingDays left (yellow) or late (red and above) on asOf; gradedOn the day it reached its grade.</summary>
    public sealed record Warning(
        string ItemKey, string WarningKey, string Source, string Title, string Grade, DateOnly DueOn, int WorkingDays,
        string District, string? Park, Guid? ProjectId, string[] Recipients, string? Link, DateOnly GradedOn);

    public sealed record DistrictWarnings(string District, int Yellow, int Red, int Leader, int Bureau, int Total);

    public sealed record WarningSummary(DateOnly AsOf, IReadOnlyList<DistrictWarnings> Districts);

    internal sealed record Row(
        string ItemKey, string WarningKey, string Source, string Title, string Grade, DateOnly DueOn, string District, string? Park,
        Guid? ProjectId, string[] Recipients, string? Link, DateOnly GradedOn)
    {
        /// <summary>The warning as it stands on the day <paramref name="days"/> counts to: its working days left or late then.</summary>
        public Warning On(WorkingDaysOn days) => new(
            ItemKey, WarningKey, Source, Title, Grade, DueOn, days.Of(DueOn), District, Park, ProjectId, Recipients, Link, GradedOn);
    }

    /// <summary>
    /// Working days left or late on a day per due date, counted once per date: the whole list's tens of thousands of warnings
    /// share a few hundred due dates, and each count walks the calendar a day at a time.
    /// </summary>
    internal sealed class WorkingDaysOn(DateOnly day, WarningRule rule)
    {
        private readonly Dictionary<DateOnly, int> _counted = [];

        public int Of(DateOnly dueOn)
        {
            if (!_counted.TryGetValue(dueOn, out var days))
                _counted.Add(dueOn, days = rule.On(dueOn, day).WorkingDays);
            return days;
        }
    }

    internal static async Task<Results<Ok<Page<Warning>>, ValidationProblem>> ListAsync(
        DateOnly? asOf, string? district, string? park, string? person, string? grade, string? source, int? page, int? pageSize,
        ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageQuery(page, pageSize, null);
        var errors = CheckFilter(paging.Validate(new ValidationErrors()), asOf, grade);
        if (!errors.IsValid)
            return errors.ToProblem();
        var (day, open) = Open(asOf, clock);
        await using var connection = await database.OpenAsync(cancellationToken);
        // The page off the open warnings' index in its order; the count beside it.
        var rows = await connection.QueryPageAsync<Row>(
            $"{open}\n{OpenWarnings.Listed} LIMIT @Size OFFSET @Offset",
            $"{open}\nSELECT count(*) FROM open",
            Scoped(Actor.From(user), day, district, park, person, grade, source, new { paging.Size, paging.Offset }), paging);
        var days = new WorkingDaysOn(day, rule);
        return TypedResults.Ok(rows.Select(r => r.On(days)));
    }

    internal static async Task<Results<Ok<WarningSummary>, ValidationProblem>> SummaryAsync(
        DateOnly? asOf, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().CheckDate("asOf", asOf);
        if (!errors.IsValid)
            return errors.ToProblem();
        var (day, open) = Open(asOf, clock);
        await using var connection = await database.OpenAsync(cancellationToken);
        var districts = await connection.QueryAsync<DistrictWarnings>(
            $"""
            {open}
            SELECT district,
                   (count(*) FILTER (WHERE grade = '{WarningGrades.Yellow}'))::int AS yellow,
                   (count(*) FILTER (WHERE grade = '{WarningGrades.Red}'))::int AS red,
                   (count(*) FILTER (WHERE grade = '{WarningGrades.Leader}'))::int AS leader,
                   (count(*) FILTER (WHERE grade = '{WarningGrades.Bureau}'))::int AS bureau,
                   count(*)::int AS total
            FROM open GROUP BY district ORDER BY total DESC, district
            """,
            Scoped(Actor.From(user), day, null, null, null, null, null, new { }));
        return TypedResults.Ok(new WarningSummary(day, districts.AsList()));
    }

    /// <summary>The day looked at (today unless asked) and the open warnings' CTE for it: today and later from their current states.</summary>
    internal static (DateOnly Day, string Sql) Open(DateOnly? asOf, TimeProvider clock)
    {
        var today = clock.TodayInChina();
        var day = asOf ?? today;
        return (day, OpenWarnings.Sql(current: day >= today));
    }

    internal static ValidationErrors CheckFilter(ValidationErrors errors, DateOnly? asOf, string? grade)
    {
        errors.CheckDate("asOf", asOf);
        if (grade is not null && !WarningGrades.All.Contains(grade))
            errors.Add("grade", "'grade' is yellow, red, leader or bureau.");
        return errors;
    }

    /// <summary>
    /// The query's parameters, narrowed to the caller's scope: district staff to their district, park staff to their
    /// park, whatever they asked for (asking for another's matches nothing).
    /// </summary>
    internal static DynamicParameters Scoped(
        Actor actor, DateOnly asOf, string? district, string? park, string? person, string? grade, string? source, object paging)
    {
        var parameters = new DynamicParameters(paging);
        var denied = false;
        if (actor.OwnDistrict is { } own)
        {
            denied |= district is not null && district != own;
            district = own;
        }
        if (actor.Role == Roles.Park)
        {
            denied |= park is not null && park != actor.Park;
            park = actor.Park ?? "";
        }
        parameters.AddDynamicParams(new { asOf, district, park, person, gradeRank = grade is null ? (int?)null : Notice.Rank(grade), source, denied });
        return parameters;
    }
}
