using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Warnings;

/// <summary>A deadline reached a grade: into the warnings, the inbox of its recipients and audiences, and out to them once.</summary>
public sealed class WarningRaisedConsumer(Database database, WarningBook book) : InboxConsumer<WarningRaised>(database)
{
    protected override Task HandleAsync(WarningRaised message, UnitOfWork work, CancellationToken cancellationToken) =>
        book.RaiseAsync(work, Notice.Of(message), message.ItemKey);
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class WarningRaisedConsumerDefinition() : InboxConsumerDefinition<WarningRaisedConsumer>(16, [100, 500, 1000]);
