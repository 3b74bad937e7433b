using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Parks;

public static partial class ParksApi
{
    public static IEndpointRouteBuilder MapParksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/parks").WithTag("Parks (园区)",
            "Parks and their positioning (三主两特 for national parks, 两主两特 for the others), and the best parks for a new project.");
        api.MapGet("/", ListParksAsync).WithName("ListParks").AllowRoles(Roles.Staff)
            .WithSummary("Every park with its level, district and leading and specialty industries.");
        api.MapGet("/recommendations", RecommendAsync).WithName("RecommendParks").AllowRoles(Roles.Staff)
            .WithSummary("Ranks parks for a project by industry, investment and district, with the reasons for each score.");
        api.MapGet("/{id:guid}", GetParkAsync).WithName("GetPark").AllowRoles(Roles.Staff)
            .WithSummary("One park.");
        api.MapPost("/", CreateParkAsync).WithName("CreatePark").AllowRoles(Roles.Bureau)
            .WithSummary("Adds a park; its industries follow 三主两特 (national) or 两主两特 (provincial, municipal).");
        api.MapPut("/{id:guid}", UpdateParkAsync).WithName("UpdatePark").AllowRoles(Roles.Bureau)
            .WithSummary("Replaces the park's positioning or renames it (its projects stay in it); send the version you read.");
        api.MapDelete("/{id:guid}", DeleteParkAsync).WithName("DeletePark").AllowRoles(Roles.Bureau)
            .WithSummary("Removes a park no project is placed in (409 saying how many are).");
        return app;
    }

    public sealed record ParkRequest(
        string? Name, ParkLevel? Level, string? District, IReadOnlyList<string>? LeadingIndustries,
        IReadOnlyList<string>? SpecialtyIndustries, int? Version);

    internal static async Task<Ok<IReadOnlyList<Park>>> ListParksAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Park>>((await connection.QueryAsync<Park>(Park.Select + " ORDER BY name")).AsList());
    }

    internal static async Task<Results<Ok<Park>, ProblemHttpResult>> GetParkAsync(Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var park = await connection.QuerySingleOrDefaultAsync<Park>(Park.Select + " WHERE id = @id", new { id });
        return park is null ? Problems.NotFound("Park", id) : TypedResults.Ok(park);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ParkRecommendation>>, ValidationProblem>> RecommendAsync(
        string? industry, decimal? investment, string? district, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("industry", industry, 50);
        if (investment is not null)
            errors.RequireAmount("investment", investment);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var parks = await connection.QueryAsync<Park>(Park.Select);
        return TypedResults.Ok(ParkRecommendations.Rank(parks, industry!.Trim(), investment, district?.Trim()));
    }
}
