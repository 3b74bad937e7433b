using System.Security.Claims;
using Dapper;
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
/// name. Each table's <c>search_text</c> (migration 0004; an intent's holds its enterprise's too, 0010) holds what is
/// searched, under an index of its character pairs (0007).
/// </summary>
public static class SearchApi
{
    /// <summary>How many matches a search counts at most: a common term (春城) matches tens of thousands.</summary>
    public const int CountCap = 1000;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTag("Search (搜索)",
                "Keyword search across the records: names, USCC, agreement numbers and people, as part of the text.")
            .WithName("SearchLeads").AllowRoles(Roles.Staff)
            .WithSummary("Enterprises and intents whose names, USCC or task team people contain q (at least 2 characters); intents as the caller may see them, each list paged.")
            .WithDescription($"Each list counts its matches up to {CountCap}: past that, total is {CountCap} and totalIsLowerBound is true (show \"{CountCap}+\"); below it, total is exact. Every page can still be asked for.");
        return app;
    }

    public sealed record SearchQuery(string? Q, int? Page, int? PageSize);

    public sealed record LeadSearchResult(string Q, FoundPage<Enterprise> Enterprises, FoundPage<CooperationIntent> Intents);

    // A row is found by the term's character pairs first (search_bigrams, migration 0007: a trigram index cannot narrow a
    // two-character term such as 春城), then checked with ILIKE.
    private const string EnterpriseMatches = "search_bigrams(e.search_text) @> search_bigrams(@Term) AND e.search_text ILIKE @Pattern";

    private const string Visible = "(@OwnDistrict::text IS NULL OR i.district = @OwnDistrict OR @OwnDistrict = ANY (i.previous_districts))";

    // An intent's search_text holds its enterprise's name and USCC as well as its task team (migration 0010), so one index
    // finds the term's intents and the district is checked on those alone.
    private const string FoundIntents =
        $"""
        SELECT i.id, i.received_on FROM cooperation_intents i
        WHERE search_bigrams(i.search_text) @> search_bigrams(@Term) AND i.search_text ILIKE @Pattern AND {Visible}
        """;

    private const string EnterpriseCountSql =
        $"SELECT count(*) FROM (SELECT FROM enterprises e WHERE {EnterpriseMatches} LIMIT @CountCap + 1) found";

    // Up to one past the cap of the intents found, in the list's order: when that is all of them, the page is taken from it.
    private const string FoundIntentsSql =
        $"SELECT id FROM ({FoundIntents} LIMIT @CountCap + 1) found ORDER BY received_on DESC, id DESC";

    // A page of a few matches (the cap or fewer) sorts them; a page of many walks an index in the page's order and checks
    // each row, reading about as many rows as the term is rare (enterprises_search_by_name, cooperation_intents_received:
    // migration 0009). Each finds the page's ids first; only those rows are then read whole.
    private const string FewEnterprisesSql =
        $"{Enterprise.Select} e WHERE {EnterpriseMatches} ORDER BY name, id LIMIT @Size OFFSET @Offset";

    private const string ManyEnterprisesSql =
        $"""
        {Enterprise.Select}
        WHERE id IN (SELECT id FROM enterprises e WHERE e.search_text ILIKE @Pattern ORDER BY name, id LIMIT @Size OFFSET @Offset)
        ORDER BY name, id
        """;

    private const string FewIntentsSql =
        $"SELECT {IntentRow.Columns} FROM {IntentRow.From} WHERE i.id = ANY (@PageIds) ORDER BY i.received_on DESC, i.id DESC";

    private const string ManyIntentsSql =
        $"""
        SELECT {IntentRow.Columns} FROM {IntentRow.From}
        WHERE i.id IN (SELECT i.id FROM cooperation_intents i WHERE {Visible} AND i.search_text ILIKE @Pattern
                       ORDER BY i.received_on DESC, i.id DESC LIMIT @Size OFFSET @Offset)
        ORDER BY i.received_on DESC, i.id DESC
        """;

    internal static async Task<Results<Ok<LeadSearchResult>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchQuery query, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(query.Page, query.PageSize, null);
        var errors = SearchTerm.Check(page.Validate(new ValidationErrors()), query.Q);
        if (!errors.IsValid)
            return errors.ToProblem();

        var actor = Actor.From(user);
        // Intents are for the roles that read them; the others find enterprises only.
        var withIntents = IntentsApi.Readers.Contains(actor.Role);
        var parameters = new DynamicParameters(new
        {
            Term = query.Q!.Trim(), Pattern = SearchTerm.Pattern(query.Q!), actor.OwnDistrict, page.Size, page.Offset, CountCap,
        });
        await using var connection = await database.OpenAsync(cancellationToken);
        long enterpriseCount;
        List<Guid> intentIds = [];
        await using (var found = await connection.QueryMultipleAsync(
                         withIntents ? $"{EnterpriseCountSql};\n{FoundIntentsSql}" : EnterpriseCountSql, parameters))
        {
            enterpriseCount = await found.ReadSingleAsync<long>();
            if (withIntents)
                intentIds = (await found.ReadAsync<Guid>()).AsList();
        }

        var pagesSql = enterpriseCount > CountCap ? ManyEnterprisesSql : FewEnterprisesSql;
        if (withIntents)
            pagesSql += ";\n" + (intentIds.Count > CountCap ? ManyIntentsSql : FewIntentsSql);
        parameters.Add("PageIds", intentIds.Skip((int)Math.Min(page.Offset, intentIds.Count)).Take(page.Size).ToArray());
        await using var pages = await connection.QueryMultipleAsync(pagesSql, parameters);
        var enterprises = (await pages.ReadAsync<Enterprise>()).AsList();
        var intents = withIntents ? (await pages.ReadAsync<IntentRow>()).Select(r => r.ToIntent()).ToList() : [];
        return TypedResults.Ok(new LeadSearchResult(query.Q!.Trim(),
            FoundPage<Enterprise>.Of(enterprises, page, enterpriseCount), FoundPage<CooperationIntent>.Of(intents, page, intentIds.Count)));
    }
}

/// <summary>A page of a search's matches and how many there are, counted up to <see cref="SearchApi.CountCap"/>.</summary>
/// <param name="Total">Exact when <paramref name="TotalIsLowerBound"/> is false; otherwise the cap, and there are more.</param>
public sealed record FoundPage<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total, bool TotalIsLowerBound)
{
    /// <summary>From a count of the matches that stopped one past the cap.</summary>
    public static FoundPage<T> Of(IReadOnlyList<T> items, PageQuery page, long counted) =>
        new(items, page.Number, page.Size, Math.Min(counted, SearchApi.CountCap), counted > SearchApi.CountCap);
}
