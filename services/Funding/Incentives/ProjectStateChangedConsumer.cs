using Zhaoshang.Contracts;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// Follows the project's state and milestones: the ledger keeps the newest state; construction start and production
/// raise claims under the policies of the milestone's year; a termination stops the unpaid claims and claws back what
/// was paid within a policy's period. A change that arrives before the signing waits for the ledger.
/// </summary>
public sealed class ProjectStateChangedConsumer(Database database, TimeProvider clock) : InboxConsumer<ProjectStateChanged>(database)
{
    protected override async Task HandleAsync(ProjectStateChanged message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        // Parked under its own message id: a redelivery is stopped by the inbox row before it could park it again.
        if (!await ApplyAsync(work, message, clock))
            await ParkedMessages.ParkAsync(work, message.ProjectId, MessageId, message);
    }

    /// <summary>
    /// Applies the change; false when there is no ledger yet. The state only when not older than the ledger's; the
    /// milestone whatever its age, since a milestone after a termination still happened (its claim is stopped at once).
    /// </summary>
    internal static async Task<bool> ApplyAsync(UnitOfWork work, ProjectStateChanged message, TimeProvider clock)
    {
        if (await LedgerFacts.LockAsync(work, message.ProjectId) is not { } ledger)
            return false;
        if (message.ProjectVersion >= ledger.StateVersion)
        {
            ledger = ledger with
            {
                State = message.To, StateVersion = message.ProjectVersion, StateReason = message.Reason, StateOn = message.OccurredOn,
            };
            await work.ExecuteAsync(
                """
                UPDATE funding_ledgers SET state = @State, state_version = @StateVersion, state_reason = @StateReason, state_on = @StateOn
                WHERE id = @Id
                """,
                ledger);
            if (ledger.Terminated)
                await Termination.StopClaimsAsync(work, ledger, clock);
        }

        if (IncentiveRules.MilestoneOf(message.From, message.To) is { } milestone)
            await MilestoneClaims.RecordAsync(work, ledger, milestone, message.OccurredOn, clock);
        return true;
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectStateChangedConsumerDefinition() : InboxConsumerDefinition<ProjectStateChangedConsumer>(16, [100, 500, 1000]);
