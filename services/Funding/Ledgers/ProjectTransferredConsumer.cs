using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.Ledgers;

/// <summary>
/// 项目流转: the ledger follows its project to the new district, whose staff then see and report its funds. A transfer
/// older than the ledger's district is ignored; one that arrives before the signing waits for the ledger.
/// </summary>
public sealed class ProjectTransferredConsumer(Database database) : InboxConsumer<ProjectTransferred>(database)
{
    protected override async Task HandleAsync(ProjectTransferred message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        // Parked under its own message id: a redelivery is stopped by the inbox row before it could park it again.
        if (!await ApplyAsync(work, message))
            await ParkedMessages.ParkAsync(work, message.ProjectId, MessageId, message);
    }

    /// <summary>Moves the ledger unless it already has a newer district; false when there is no ledger yet.</summary>
    internal static async Task<bool> ApplyAsync(UnitOfWork work, ProjectTransferred message)
    {
        if (await LedgerFacts.LockAsync(work, message.ProjectId) is not { } ledger)
            return false;
        if (message.ProjectVersion < ledger.DistrictVersion)
            return true;
        await work.ExecuteAsync(
            "UPDATE funding_ledgers SET district = @ToDistrict, district_version = @ProjectVersion WHERE id = @Id",
            new { message.ToDistrict, message.ProjectVersion, ledger.Id });
        await work.AuditAsync("FundingLedger", ledger.Id, "transferred", new { ledger.District }, new { District = message.ToDistrict });
        return true;
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectTransferredConsumerDefinition() : InboxConsumerDefinition<ProjectTransferredConsumer>(16, [100, 500, 1000]);
