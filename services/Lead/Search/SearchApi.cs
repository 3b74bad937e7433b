using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Lead.Enterprises;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Search;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Search;

/// <summary>
/// Keyword search over the target list and the intents: part of an enterprise's name or USCC, or a task team member's
/// name. Each table's <c>search_text</c> (migration 0004) holds what is searched, under an index of its character pairs (0007).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTag("Search (搜索)",
                "Keyword search across the records: names, USCC, agreement numbers and people, as part of the text.")
            .WithName("SearchLeads").AllowRoles(Roles.Staff)
            .WithSummary("Enterprises and intents whose names, USCC or task team people contain q (at least 2 characters); intents as the caller may see them, each list paged.");
        return app;
    }

    public sealed record SearchQuery(string? Q, int? Page, int? PageSize);

    public sealed record LeadSearchResult(string Q, Page<Enterprise> Enterprises, Page<CooperationIntent> Intents);

    // A row is found by the term's character pairs first (search_bigrams, migration 0007: a trigram index cannot narrow a
    // two-character term such as 春城), then checked with ILIKE; each page comes off its order and is counted apart.
    private const string EnterprisesSql =
        """
        SELECT id, name, trim(uscc) AS uscc, hq_region, industry_chain, chain_role, priority, version, created_at, updated_at
        FROM enterprises
        WHERE search_bigrams(search_text) @> search_bigrams(@Term) AND search_text ILIKE @Pattern
        ORDER BY name, id
        LIMIT @Size OFFSET @Offset
        """;

    private const string EnterprisesCountSql =
        "SELECT count(*) FROM enterprises WHERE search_bigrams(search_text) @> search_bigrams(@Term) AND search_text ILIKE @Pattern";

    // The intents of the enterprises found and those whose task team holds the term, with the intent list's visibility:
    // the current district, and the districts an intent was transferred from.
    private const string FoundIntents =
        """
        JOIN (SELECT i.id FROM cooperation_intents i JOIN enterprises e ON e.id = i.enterprise_id
              WHERE search_bigrams(e.search_text) @> search_bigrams(@Term) AND e.search_text ILIKE @Pattern
              UNION
              SELECT id FROM cooperation_intents
              WHERE search_bigrams(search_text) @> search_bigrams(@Term) AND search_text ILIKE @Pattern) found ON found.id = i.id
        WHERE (@OwnDistrict::text IS NULL OR i.district = @OwnDistrict OR @OwnDistrict = ANY (i.previous_districts))
        """;

    private const string IntentsSql =
        $"""
        SELECT {IntentRow.Columns}
        FROM {IntentRow.From}
        {FoundIntents}
        ORDER BY i.received_on DESC, i.id
        LIMIT @Size OFFSET @Offset
        """;

    private const string IntentsCountSql = $"SELECT count(*) FROM cooperation_intents i {FoundIntents}";

    internal static async Task<Results<Ok<LeadSearchResult>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchQuery query, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(query.Page, query.PageSize, null);
        var errors = SearchTerm.Check(page.Validate(new ValidationErrors()), query.Q);
        if (!errors.IsValid)
            return errors.ToProblem();

        var actor = Actor.From(user);
        var parameters = new { Term = query.Q!.Trim(), Pattern = SearchTerm.Pattern(query.Q!), actor.OwnDistrict, page.Size, page.Offset };
        await using var connection = await database.OpenAsync(cancellationToken);
        var enterprises = await connection.QueryPageAsync<Enterprise>(EnterprisesSql, EnterprisesCountSql, parameters, page);
        // Intents are for the roles that read them; the others find enterprises only.
        var intents = IntentsApi.Readers.Contains(actor.Role)
            ? (await connection.QueryPageAsync<IntentRow>(IntentsSql, IntentsCountSql, parameters, page)).Select(r => r.ToIntent())
            : new Page<CooperationIntent>([], page.Number, page.Size, 0);
        return TypedResults.Ok(new LeadSearchResult(query.Q!.Trim(), enterprises, intents));
    }
}
