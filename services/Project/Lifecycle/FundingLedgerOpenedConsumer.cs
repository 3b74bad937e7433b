using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Shows on the project that its funding ledger (资金台账) is open. Information only: it leaves the version staff send alone.
/// </summary>
public sealed class FundingLedgerOpenedConsumer(Database database) : InboxConsumer<FundingLedgerOpened>(database)
{
    protected override async Task HandleAsync(FundingLedgerOpened message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET funding_ledger_id = @LedgerId, funding_ledger_opened_at = @OpenedAt, updated_at = now()
            WHERE id = @ProjectId
            """,
            message);
        if (updated == 0)
            throw new InvalidOperationException($"Funding ledger {message.LedgerId} refers to unknown project {message.ProjectId}.");
        await work.AuditAsync("Project", message.ProjectId, "funding ledger opened", null, new { message.LedgerId, message.OpenedAt });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class FundingLedgerOpenedConsumerDefinition() : InboxConsumerDefinition<FundingLedgerOpenedConsumer>(16, [100, 500, 1000]);
