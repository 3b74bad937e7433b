using Zhaoshang.Contracts;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Inbox;

/// <summary>Something of a person's comes due (a node, a follow-up's next step): into their inbox and out to them once.</summary>
public sealed class ReminderDueConsumer(Database database, WarningBook book) : InboxConsumer<ReminderDue>(database)
{
    protected override Task HandleAsync(ReminderDue message, UnitOfWork work, CancellationToken cancellationToken) =>
        book.DeliverAsync(work, Notice.Of(message));
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ReminderDueConsumerDefinition() : InboxConsumerDefinition<ReminderDueConsumer>(16, [100, 500, 1000]);
