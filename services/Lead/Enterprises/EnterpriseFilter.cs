using Dapper;
using Zhaoshang.Platform.Search;

namespace Zhaoshang.Lead.Enterprises;

/// <summary>What the target list is searched by: the list and its export take the same filter.</summary>
public sealed record EnterpriseFilter(
    string? Name, string? Uscc, string? IndustryChain, ChainRole? ChainRole, string? HqRegion, EnterprisePriority? Priority,
    int? Page, int? PageSize, string? Sort)
{
    /// <summary>
    /// The name as part of it, trimmed and its wildcards taken literally: found by its character pairs first (migration
    /// 0008), then checked with ILIKE, as the keyword search does.
    /// </summary>
    public const string Where =
        """
        WHERE (@Name::text IS NULL OR (search_bigrams(name) @> search_bigrams(@Name) AND name ILIKE @NamePattern))
          AND (@Uscc::text IS NULL OR uscc = @Uscc)
          AND (@IndustryChain::text IS NULL OR industry_chain = @IndustryChain)
          AND (@ChainRole::text IS NULL OR chain_role = @ChainRole)
          AND (@HqRegion::text IS NULL OR hq_region = @HqRegion)
          AND (@Priority::text IS NULL OR priority = @Priority)
        """;

    /// <summary>The filter's parameters for <see cref="Where"/>, with the query's others.</summary>
    public DynamicParameters Arguments(object? others = null)
    {
        var arguments = new DynamicParameters(others);
        arguments.AddDynamicParams(new
        {
            Name = Name?.Trim(), NamePattern = Name is null ? null : SearchTerm.Pattern(Name), Uscc, IndustryChain,
            ChainRole = ChainRole?.ToString(), HqRegion, Priority = Priority?.ToString(),
        });
        return arguments;
    }
}
