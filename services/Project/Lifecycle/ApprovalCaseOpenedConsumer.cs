using MassTransit;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Shows on the project that its approval case (审批) is open.</summary>
public sealed class ApprovalCaseOpenedConsumer(Database database) : InboxConsumer<ApprovalCaseOpened>(database)
{
    protected override async Task HandleAsync(ApprovalCaseOpened message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            """
            UPDATE projects
            SET approval_case_id = @CaseId, approval_item_count = @ItemCount, approval_case_opened_at = @OpenedAt,
                version = version + 1, updated_at = now()
            WHERE id = @ProjectId
            """,
            message);
        if (updated == 0)
            throw new InvalidOperationException($"Approval case {message.CaseId} refers to unknown project {message.ProjectId}.");
    }
}

public sealed class ApprovalCaseOpenedConsumerDefinition : ConsumerDefinition<ApprovalCaseOpenedConsumer>
{
    public ApprovalCaseOpenedConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ApprovalCaseOpenedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000));
}
