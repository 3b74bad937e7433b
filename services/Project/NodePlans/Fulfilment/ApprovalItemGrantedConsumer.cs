using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.NodePlans.Fulfilment;

/// <summary>An approval item was granted: the fact <c>approval:{itemCode}</c>, which completes the node it fulfils, now or once the plan is made.</summary>
public sealed class ApprovalItemGrantedConsumer(Database database, TimeProvider clock) : InboxConsumer<ApprovalItemGranted>(database)
{
    protected override async Task HandleAsync(ApprovalItemGranted message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.ItemCode))
            throw new InvalidMessageException($"Grant for project {message.ProjectId} names no item.");
        await NodeFacts.RecordAsync(work, message.ProjectId, FactKeys.ApprovalItem(message.ItemCode), message.GrantedOn, clock);
        await work.AuditAsync("NodePlan", message.ProjectId, "approval item granted", null,
            new { message.ItemCode, message.GrantedOn, message.CaseVersion });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalItemGrantedConsumerDefinition() : InboxConsumerDefinition<ApprovalItemGrantedConsumer>(16, [100, 500, 1000]);
