using Zhaoshang.Platform.Data;

namespace Zhaoshang.Funding.Ledgers;

/// <summary>
/// The project facts a ledger follows, each with the ProjectVersion that set it: an event applies a fact only when it is
/// not older than the one on the ledger (events published together share a version and agree).
/// </summary>
internal sealed record LedgerFacts(
    Guid Id, Guid ProjectId, string District, int DistrictVersion, string State, int StateVersion, string? StateReason, DateOnly? StateOn)
{
    /// <summary>The park's current name on a ledger aliased <c>l</c>: a rename follows the park by id.</summary>
    public const string CurrentPark = "coalesce((SELECT name FROM parks WHERE id = l.park_id), l.park)";

    public bool Terminated => State == "Terminated";

    /// <summary>
    /// The ledger under its row lock, so the consumers, a verification and a raised claim of one project see each other's
    /// changes: a claim raised after a termination is stopped at once, a total includes every verification before it.
    /// </summary>
    public static Task<LedgerFacts?> LockAsync(UnitOfWork work, Guid projectId) =>
        work.QuerySingleOrDefaultAsync<LedgerFacts>(
            """
            SELECT id, project_id, district, district_version, state, state_version, state_reason, state_on
            FROM funding_ledgers WHERE project_id = @projectId FOR UPDATE
            """,
            new { projectId });
}
