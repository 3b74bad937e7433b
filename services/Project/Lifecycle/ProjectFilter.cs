using Dapper;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>What the project list is searched by: the list and its export take the same filter and the same scope.</summary>
public sealed record ProjectFilter(
    ProjectState? State, string? District, string? Park, string? Industry, int? Page, int? PageSize, string? Sort)
{
    public const string Where =
        """
        WHERE (@OwnDistrict::text IS NULL OR district = @OwnDistrict)
          AND (@OwnPark::text IS NULL OR park_id IN (SELECT id FROM parks WHERE name = @OwnPark OR id::text = @OwnPark))
          AND (@State::text IS NULL OR state = @State)
          AND (@District::text IS NULL OR district = @District)
          AND (@Park::text IS NULL OR park_id IN (SELECT id FROM parks WHERE name = @Park OR id::text = @Park))
          AND (@Industry::text IS NULL OR industry = @Industry)
        """;

    /// <summary>The parameters of <see cref="Where"/> for this caller, with the query's others.</summary>
    public DynamicParameters Arguments(Actor actor, object? others = null)
    {
        var arguments = new DynamicParameters(others);
        arguments.AddDynamicParams(new
        {
            // District and park staff see their own; a missing claim matches nothing rather than everything. A park is named
            // by its name or its id (a park claim may carry either).
            actor.OwnDistrict,
            OwnPark = actor.Role == Roles.Park ? actor.Park ?? "" : null,
            State = State?.ToString(), District, Park, Industry,
        });
        return arguments;
    }
}
