using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.Ledgers;

/// <summary>项目流转: the ledger follows its project to the new district, whose staff then see and report its funds.</summary>
public sealed class ProjectTransferredConsumer(Database database) : InboxConsumer<ProjectTransferred>(database)
{
    protected override async Task HandleAsync(ProjectTransferred message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var recordId = await work.QuerySingleOrDefaultAsync<Guid?>(
            "UPDATE funding_ledgers SET district = @ToDistrict WHERE project_id = @ProjectId RETURNING id", new { message.ToDistrict, message.ProjectId });
        if (recordId is { } id)
            await work.AuditAsync("FundingLedger", id, "transferred", new { District = message.FromDistrict }, new { District = message.ToDistrict });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectTransferredConsumerDefinition() : InboxConsumerDefinition<ProjectTransferredConsumer>(16, [100, 500, 1000]);
