using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Load.MessagingCore;

/// <summary>
/// The messaging core's consumer: the platform's inbox consumer with the smallest effect a real one has, one row
/// committed with its inbox row. The row's key is the message's own, so a second effect of one message would fail.
/// Named like the services' consumers, after its message, because MassTransit names the queue after the consumer.
/// </summary>
public sealed class CooperationIntentTransferredConsumer(Database database) : InboxConsumer<CooperationIntentTransferred>(database)
{
    protected override Task HandleAsync(CooperationIntentTransferred message, UnitOfWork work, CancellationToken cancellationToken) =>
        work.ExecuteAsync("INSERT INTO core_effects (intent_id, to_district) VALUES (@IntentId, @ToDistrict)", message);
}

/// <summary>The same endpoint policy as the services' consumers.</summary>
public sealed class CooperationIntentTransferredConsumerDefinition() : InboxConsumerDefinition<CooperationIntentTransferredConsumer>(16, [100, 500, 1000]);
