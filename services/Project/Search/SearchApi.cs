using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Search;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.Search;

/// <summary>
/// Keyword search over the projects: part of the project's or its enterprise's or company's name, a USCC, the agreement
/// number or a task team member's name, all in <c>projects.search_text</c> (migration 0009) under an index of its character
/// pairs (0014).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTag("Search (搜索)",
                "Keyword search across the records: names, USCC, agreement numbers and people, as part of the text.")
            .WithName("SearchProjects").AllowRoles(Roles.Staff)
            .WithSummary("Projects whose names, USCC, agreement number or task team people contain q (at least 2 characters); district and park staff find their own.");
        return app;
    }

    public sealed record SearchQuery(string? Q, int? Page, int? PageSize);

    public sealed record ProjectSearchResult(string Q, Page<ProjectView> Projects);

    // The same scope as the project list: a missing district or park claim matches nothing rather than everything. A row
    // is found by the term's character pairs first (search_bigrams, migration 0014: a trigram index cannot narrow a
    // two-character term such as 春城), then checked with ILIKE; the page comes off its order and is counted apart.
    private const string Matches =
        """
        WHERE (@OwnDistrict::text IS NULL OR district = @OwnDistrict)
          AND (@OwnPark::text IS NULL OR park_id IN (SELECT id FROM parks WHERE name = @OwnPark OR id::text = @OwnPark))
          AND search_bigrams(search_text) @> search_bigrams(@Term) AND search_text ILIKE @Pattern
        """;

    private const string ProjectsSql =
        $"""
        SELECT {ProjectRow.Columns} FROM projects
        {Matches}
        ORDER BY created_at DESC, id
        LIMIT @Size OFFSET @Offset
        """;

    private const string ProjectsCountSql = $"SELECT count(*) FROM projects {Matches}";

    internal static async Task<Results<Ok<ProjectSearchResult>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchQuery query, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(query.Page, query.PageSize, null);
        var errors = SearchTerm.Check(page.Validate(new ValidationErrors()), query.Q);
        if (!errors.IsValid)
            return errors.ToProblem();

        var actor = Actor.From(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var projects = await connection.QueryPageAsync<ProjectRow>(ProjectsSql, ProjectsCountSql, new
        {
            Term = query.Q!.Trim(), Pattern = SearchTerm.Pattern(query.Q!), actor.OwnDistrict, OwnPark = actor.Role == Roles.Park ? actor.Park ?? "" : null,
            page.Size, page.Offset,
        }, page);
        return TypedResults.Ok(new ProjectSearchResult(query.Q!.Trim(), projects.Select(r => r.ToView())));
    }
}
