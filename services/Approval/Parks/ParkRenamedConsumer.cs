using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Parks;

namespace Zhaoshang.Approval.Parks;

/// <summary>A park was renamed: its cases show the new name, and its staff keep their access by the park's id.</summary>
public sealed class ParkRenamedConsumer(Database database) : InboxConsumer<ParkRenamed>(database)
{
    protected override async Task HandleAsync(ParkRenamed message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ParkId);
        if (await ParkNames.RenameAsync(work, message))
            await work.AuditAsync("Park", message.ParkId, "renamed", null, new { message.Name, message.ParkVersion });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ParkRenamedConsumerDefinition() : InboxConsumerDefinition<ParkRenamedConsumer>(16, [100, 500, 1000]);
