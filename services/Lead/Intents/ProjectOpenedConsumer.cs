using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Lead.Intents;

/// <summary>Shows on a converted intent that its project now exists in the project service.</summary>
public sealed class ProjectOpenedConsumer(Database database) : InboxConsumer<ProjectOpened>(database)
{
    protected override async Task HandleAsync(ProjectOpened message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            "UPDATE cooperation_intents SET project_opened_at = @OpenedAt WHERE id = @IntentId AND project_id = @ProjectId",
            new { message.OpenedAt, message.IntentId, message.ProjectId });
        if (updated == 0)
            throw new InvalidMessageException($"Project {message.ProjectId} names intent {message.IntentId}, which was not converted into it.");
        await work.AuditAsync("CooperationIntent", message.IntentId, "project opened", null,
            new { message.ProjectId, ProjectOpenedAt = message.OpenedAt });
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectOpenedConsumerDefinition() : InboxConsumerDefinition<ProjectOpenedConsumer>(16, [100, 500, 1000]);
