using Zhaoshang.Contracts;
using Zhaoshang.Funding;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.Ledgers;

/// <summary>Opens the funding ledger of a newly signed project, against its contracted investment (签约额).</summary>
public sealed class ProjectSignedConsumer(Database database, TimeProvider clock) : InboxConsumer<ProjectSigned>(database)
{
    protected override async Task HandleAsync(ProjectSigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var ledgerId = Guid.CreateVersion7();
        using var activity = FundingTelemetry.Source.StartActivity("open funding ledger");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.funding.ledger.id", ledgerId);
        var openedAt = clock.GetUtcNow();
        await work.ExecuteAsync(
            """
            INSERT INTO funding_ledgers (id, project_id, contracted_investment, signed_on, industry, district, park, opened_at)
            VALUES (@ledgerId, @ProjectId, @ContractedInvestment, @SignedOn, @Industry, @District, @Park, @openedAt)
            """,
            new
            {
                ledgerId, message.ProjectId, message.ContractedInvestment, message.SignedOn, message.Industry,
                message.District, message.Park, openedAt,
            });
        await work.AuditAsync("FundingLedger", ledgerId, "opened", null,
            new { message.ProjectId, message.ContractedInvestment, message.SignedOn });
        await work.PublishAsync(new FundingLedgerOpened(message.ProjectId, ledgerId, message.ContractedInvestment, openedAt));
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectSignedConsumerDefinition() : InboxConsumerDefinition<ProjectSignedConsumer>(16, [100, 500, 1000]);
