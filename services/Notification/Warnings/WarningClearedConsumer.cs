using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// An item's deadline was met or withdrawn: its warnings raised before the clearance are closed from that day. Kept
/// even when it arrives before the warning it clears, which then stays cleared.
/// </summary>
public sealed class WarningClearedConsumer(Database database) : InboxConsumer<WarningCleared>(database)
{
    protected override Task HandleAsync(WarningCleared message, UnitOfWork work, CancellationToken cancellationToken) =>
        WarningBook.ClearAsync(work, message);
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class WarningClearedConsumerDefinition() : InboxConsumerDefinition<WarningClearedConsumer>(16, [100, 500, 1000]);
