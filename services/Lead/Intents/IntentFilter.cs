using Dapper;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>What the intent list is searched by: the list and its export take the same filter and the same scope.</summary>
public sealed record IntentFilter(
    IntentStatus? Status, string? District, string? Industry, Guid? EnterpriseId, int? Page, int? PageSize, string? Sort)
{
    /// <summary>District staff see their district's intents and those transferred away from it.</summary>
    public const string Where =
        $"""
        WHERE (@OwnDistrict::text IS NULL OR i.district = @OwnDistrict OR @OwnDistrict = ANY (i.previous_districts))
          AND {Filters}
        """;

    /// <summary>
    /// How many <see cref="Where"/> finds: the caller's own district (or all, for the bureau) and the intents transferred
    /// away from it counted apart, so that each count comes off its own index rather than every intent being read.
    /// </summary>
    public const string Count =
        $"""
        SELECT (SELECT count(*) FROM cooperation_intents i WHERE (@OwnDistrict::text IS NULL OR i.district = @OwnDistrict) AND {Filters})
             + (SELECT count(*) FROM cooperation_intents i
                WHERE i.previous_districts @> ARRAY[@OwnDistrict::text] AND i.district <> @OwnDistrict AND {Filters})
        """;

    private const string Filters =
        """
        (@Status::text IS NULL OR i.status = @Status)
          AND (@District::text IS NULL OR i.district = @District)
          AND (@Industry::text IS NULL OR i.industry = @Industry)
          AND (@EnterpriseId::uuid IS NULL OR i.enterprise_id = @EnterpriseId)
        """;

    public DynamicParameters Arguments(Actor actor, object? others = null)
    {
        var arguments = new DynamicParameters(others);
        arguments.AddDynamicParams(new { actor.OwnDistrict, Status = Status?.ToString(), District, Industry, EnterpriseId });
        return arguments;
    }
}
