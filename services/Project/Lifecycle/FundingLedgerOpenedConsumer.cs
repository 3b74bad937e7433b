using MassTransit;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Shows on the project that its funding ledger (资金台账) is open.</summary>
public sealed class FundingLedgerOpenedConsumer(Database database) : InboxConsumer<FundingLedgerOpened>(database)
{
    protected override async Task HandleAsync(FundingLedgerOpened message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET funding_ledger_id = @LedgerId, funding_ledger_opened_at = @OpenedAt, version = version + 1, updated_at = now()
            WHERE id = @ProjectId
            """,
            message);
        if (updated == 0)
            throw new InvalidOperationException($"Funding ledger {message.LedgerId} refers to unknown project {message.ProjectId}.");
    }
}

public sealed class FundingLedgerOpenedConsumerDefinition : ConsumerDefinition<FundingLedgerOpenedConsumer>
{
    public FundingLedgerOpenedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FundingLedgerOpenedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000));
}
