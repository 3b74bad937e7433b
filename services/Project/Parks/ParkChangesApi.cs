using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Parks;

/// <summary>Adding, repositioning, renaming and removing parks (bureau only).</summary>
public static partial class ParksApi
{
    internal static async Task<Results<Created<Park>, ValidationProblem, ProblemHttpResult>> CreateParkAsync(
        ParkRequest request, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (!errors.IsValid)
            return errors.ToProblem();
        var park = ToPark(Guid.CreateVersion7(), request, 1);
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        try
        {
            await work.ExecuteAsync(
                """
                INSERT INTO parks (id, name, level, district, leading_industries, specialty_industries, version)
                VALUES (@Id, @Name, @Level, @District, @LeadingIndustries, @SpecialtyIndustries, @Version)
                """,
                Parameters(park));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("Duplicate park.", $"A park named {park.Name} exists already.");
        }

        await work.AuditAsync("Park", park.Id, "created", null, park);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/parks/{park.Id}", park);
    }

    internal static async Task<Results<Ok<Park>, ValidationProblem, ProblemHttpResult>> UpdateParkAsync(
        Guid id, ParkRequest request, HttpContext http, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (request.Version is null)
            errors.Add("version", "'version' is required: send the version you read.");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var current = await work.QuerySingleOrDefaultAsync<Park>(Park.Select + " WHERE id = @id FOR UPDATE", new { id });
        if (current is null)
            return Problems.NotFound("Park", id);
        if (current.Version != request.Version)
            return Problems.Conflict("The park was changed meanwhile.", $"It is at version {current.Version}; reload it and try again.");
        var park = ToPark(id, request, current.Version + 1);
        try
        {
            await work.ExecuteAsync(
                """
                UPDATE parks SET name = @Name, level = @Level, district = @District, leading_industries = @LeadingIndustries,
                                 specialty_industries = @SpecialtyIndustries, version = @Version
                WHERE id = @Id
                """,
                Parameters(park));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("Duplicate park.", $"A park named {park.Name} exists already.");
        }

        await work.AuditAsync("Park", id, "updated", current, park);
        // Projects keep the park by id; services that show its name follow the rename.
        if (park.Name != current.Name)
            await work.PublishAsync(new ParkRenamed(id, park.Name, park.Version, clock.GetUtcNow()));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(park);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteParkAsync(
        Guid id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var park = await work.QuerySingleOrDefaultAsync<Park>(Park.Select + " WHERE id = @id FOR UPDATE", new { id });
        if (park is null)
            return Problems.NotFound("Park", id);
        var projects = await work.QuerySingleAsync<int>("SELECT count(*)::int FROM projects WHERE park_id = @id", new { id });
        if (projects > 0)
            return Problems.Conflict("The park has projects.", $"{projects} project(s) are placed in {park.Name}; it cannot be removed.");
        await work.ExecuteAsync("DELETE FROM parks WHERE id = @id", new { id });
        await work.AuditAsync("Park", id, "deleted", park, null);
        await work.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationErrors Validate(ParkRequest request)
    {
        var errors = new ValidationErrors().RequireText("name", request.Name, 100).RequireText("district", request.District, 50);
        if (request.Level is null)
            errors.Add("level", "'level' is required: National (国家级), Provincial (省级) or Municipal (市级).");
        var leading = Clean(request.LeadingIndustries);
        var specialty = Clean(request.SpecialtyIndustries);
        foreach (var (field, industries) in new[] { ("leadingIndustries", leading), ("specialtyIndustries", specialty) })
        {
            if (industries.Any(i => i.Length > 50))
                errors.Add(field, $"'{field}' are names of at most 50 characters.");
        }

        if (request.Level is { } level)
        {
            foreach (var (field, problem) in ParkRules.Check(level, leading, specialty))
                errors.Add(field, problem);
        }

        return errors;
    }

    private static string[] Clean(IReadOnlyList<string>? industries) =>
        (industries ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();

    private static Park ToPark(Guid id, ParkRequest request, int version) => new(
        id, request.Name!.Trim(), request.Level!.Value, request.District!.Trim(), Clean(request.LeadingIndustries),
        Clean(request.SpecialtyIndustries), version);

    private static object Parameters(Park park) => new
    {
        park.Id, park.Name, Level = park.Level.ToString(), park.District, park.LeadingIndustries, park.SpecialtyIndustries, park.Version,
    };
}
