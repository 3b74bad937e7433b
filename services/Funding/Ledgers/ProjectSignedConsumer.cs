using Zhaoshang.Contracts;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Parks;

namespace Zhaoshang.Funding.Ledgers;

/// <summary>
/// Opens the funding ledger of a newly signed project, against its contracted investment (签约额), with the signing's
/// district and state as of its ProjectVersion; then applies the transfers and state changes that arrived before it.
/// </summary>
public sealed class ProjectSignedConsumer(Database database, TimeProvider clock) : InboxConsumer<ProjectSigned>(database)
{
    protected override async Task HandleAsync(ProjectSigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        var ledgerId = Guid.CreateVersion7();
        using var activity = FundingTelemetry.Source.StartActivity("open funding ledger");
        activity?.SetTag("zhaoshang.project.id", message.ProjectId).SetTag("zhaoshang.funding.ledger.id", ledgerId);
        var openedAt = clock.GetUtcNow();
        var opened = await work.ExecuteAsync(
            """
            INSERT INTO funding_ledgers (id, project_id, contracted_investment, signed_on, industry, district, park, park_id, opened_at,
                                         district_version, state, state_version)
            VALUES (@ledgerId, @ProjectId, @ContractedInvestment, @SignedOn, @Industry, @District, @Park, @ParkId, @openedAt,
                    @ProjectVersion, 'Signed', @ProjectVersion)
            ON CONFLICT (project_id) DO NOTHING
            """,
            new
            {
                ledgerId, message.ProjectId, message.ContractedInvestment, message.SignedOn, message.Industry,
                message.District, message.Park, message.ParkId, openedAt, message.ProjectVersion,
            });
        if (opened == 0)
            return;
        if (message.ParkId is { } parkId)
            await ParkNames.AddAsync(work, parkId, message.Park);
        await work.AuditAsync("FundingLedger", ledgerId, "opened", null,
            new { message.ProjectId, message.ContractedInvestment, message.SignedOn });
        await work.PublishAsync(new FundingLedgerOpened(message.ProjectId, ledgerId, message.ContractedInvestment, openedAt));

        foreach (var transfer in (await ParkedMessages.TakeAsync<ProjectTransferred>(work, message.ProjectId)).OrderBy(m => m.ProjectVersion))
            await ProjectTransferredConsumer.ApplyAsync(work, transfer);
        foreach (var change in (await ParkedMessages.TakeAsync<ProjectStateChanged>(work, message.ProjectId)).OrderBy(m => m.ProjectVersion))
            await ProjectStateChangedConsumer.ApplyAsync(work, change, clock);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectSignedConsumerDefinition() : InboxConsumerDefinition<ProjectSignedConsumer>(16, [100, 500, 1000]);
