using MassTransit;
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
            INSERT INTO funding_ledgers (id, project_id, contracted_investment, signed_on, industry, district, opened_at)
            VALUES (@ledgerId, @ProjectId, @ContractedInvestment, @SignedOn, @Industry, @District, @openedAt)
            """,
            new
            {
                ledgerId, message.ProjectId, message.ContractedInvestment, message.SignedOn, message.Industry,
                message.District, openedAt,
            });
        await work.PublishAsync(new FundingLedgerOpened(message.ProjectId, ledgerId, message.ContractedInvestment, openedAt));
    }
}

public sealed class ProjectSignedConsumerDefinition : ConsumerDefinition<ProjectSignedConsumer>
{
    public ProjectSignedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProjectSignedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000));
}
