using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.WorkingCalendar;

/// <summary>
/// The working calendar's one owner: the bureau keeps each year's holidays and 调休 working days here; every other
/// service counts working days from its copy, which follows <see cref="WorkingCalendarChanged"/>.
/// </summary>
public static class WorkingCalendarApi
{
    public static IEndpointRouteBuilder MapWorkingCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/working-calendar").WithTag("Working calendar (工作日历)",
            "Public holidays (法定节假日) and the weekend days worked in exchange (调休上班日) by year, as the State Council announces them; every service counts statutory limits, service levels and node dates by them.");
        api.MapGet("/", ListAsync).WithName("ListWorkingCalendarYears").AllowRoles(Roles.Staff)
            .WithSummary("The calendar years held (one with year=), each with its holidays, 调休 working days and version.");
        api.MapPut("/{year:int}", ReplaceAsync).WithName("ReplaceWorkingCalendarYear").AllowRoles(Roles.Bureau)
            .WithSummary("Replaces a year's holidays and 调休 working days (send the version read, 0 for a new year); every service follows.");
        return app;
    }

    /// <summary>A year's whole calendar: holidays (weekend days among them are fine) and the weekend days worked.</summary>
    public sealed record WorkingCalendarRequest(IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<DateOnly>? WorkingWeekendDays, int? Version);

    internal static async Task<Results<Ok<IReadOnlyList<WorkingCalendarYear>>, ValidationProblem>> ListAsync(
        int? year, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (year is not null)
            CheckYear(errors, year.Value);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await WorkingCalendarYears.ReadAsync(connection, year));
    }

    internal static async Task<Results<Ok<WorkingCalendarYear>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        int year, WorkingCalendarRequest request, HttpContext http, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = Validate(year, request);
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(http.User);
        await using var work = await database.BeginAsync(actor, cancellationToken);
        var current = await work.QuerySingleOrDefaultAsync<WorkingCalendarYear>(
            WorkingCalendarYears.Select + " WHERE year = @year FOR UPDATE", new { year });
        if ((current?.Version ?? 0) != request.Version)
        {
            return Problems.Conflict("The working calendar was changed meanwhile.", current is null
                ? $"No calendar of {year} is held; send version 0 to add it."
                : $"{year} is at version {current.Version}; reload it and try again.");
        }

        var changed = new WorkingCalendarYear(year, request.Version!.Value + 1, Days(request.Holidays), Days(request.WorkingWeekendDays),
            clock.GetUtcNow(), actor.Subject);
        // A new year's row may be added by a request racing this one: the one that inserts second finds it and is stale.
        var saved = await work.ExecuteAsync(
            """
            INSERT INTO working_calendar_years (year, version, holidays, working_weekend_days, changed_at, changed_by)
            VALUES (@Year, @Version, @Holidays, @WorkingWeekendDays, @ChangedAt, @ChangedBy)
            ON CONFLICT (year) DO UPDATE
                SET version = excluded.version, holidays = excluded.holidays, working_weekend_days = excluded.working_weekend_days,
                    changed_at = excluded.changed_at, changed_by = excluded.changed_by
                WHERE working_calendar_years.version = @Expected
            """,
            new
            {
                changed.Year, changed.Version, changed.Holidays, changed.WorkingWeekendDays, changed.ChangedAt, changed.ChangedBy,
                Expected = request.Version,
            });
        if (saved == 0)
            return Problems.Conflict("The working calendar was changed meanwhile.", $"{year} was added meanwhile; reload it and try again.");
        await work.AuditAsync("WorkingCalendarYear", WorkingCalendarYears.RecordId(year), current is null ? "created" : "updated", current, changed);
        await work.PublishAsync(new WorkingCalendarChanged(year, changed.Version, changed.Holidays, changed.WorkingWeekendDays, changed.ChangedAt));
        await work.CommitAsync(cancellationToken);
        calendar.Apply(year, changed.Version, changed.Holidays, changed.WorkingWeekendDays);
        return TypedResults.Ok(changed);
    }

    /// <summary>
    /// Every day inside the year; a working weekend day is a Saturday or Sunday and not also a holiday. Field by field,
    /// naming the offending days.
    /// </summary>
    internal static ValidationErrors Validate(int year, WorkingCalendarRequest request)
    {
        var errors = new ValidationErrors();
        if (!CheckYear(errors, year))
            return errors;
        if (request.Version is null or < 0)
            errors.Add("version", "'version' is required: send the version you read, 0 for a year not held yet.");
        foreach (var (field, days) in new[] { ("holidays", request.Holidays), ("workingWeekendDays", request.WorkingWeekendDays) })
        {
            if (days is null)
                errors.Add(field, $"'{field}' is required (an empty list for none).");
            else if (days.Where(d => d.Year != year).ToArray() is { Length: > 0 } outside)
                errors.Add(field, $"'{field}' must be days of {year}, unlike {Listed(outside)}.");
        }

        var weekdays = (request.WorkingWeekendDays ?? []).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        if (weekdays.Length > 0)
            errors.Add("workingWeekendDays", $"'workingWeekendDays' are Saturdays or Sundays (调休上班), unlike {Listed(weekdays)}.");
        var both = (request.WorkingWeekendDays ?? []).Intersect(request.Holidays ?? []).ToArray();
        if (both.Length > 0)
            errors.Add("workingWeekendDays", $"A day is a holiday or a working weekend day, not both: {Listed(both)}.");
        return errors;
    }

    private static bool CheckYear(ValidationErrors errors, int year)
    {
        if (year >= ValidationErrors.FirstDay.Year && year <= ValidationErrors.LastDay.Year)
            return true;
        errors.Add("year", $"'year' must be between {ValidationErrors.FirstDay.Year} and {ValidationErrors.LastDay.Year}.");
        return false;
    }

    private static DateOnly[] Days(IReadOnlyList<DateOnly>? days) => (days ?? []).Distinct().Order().ToArray();

    private static string Listed(IEnumerable<DateOnly> days) => string.Join(", ", days.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd")));
}
