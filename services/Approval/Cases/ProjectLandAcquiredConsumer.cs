using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Cases;

/// <summary>
/// Land day: the pre-approved land-dependent certificates are issued together (四证齐发) if everything is ready. Land
/// that comes before the case (the signing still on its way, or a backlog) waits for the case to open.
/// </summary>
public sealed class ProjectLandAcquiredConsumer(Database database, WorkCalendar calendar, TimeProvider clock)
    : InboxConsumer<ProjectLandAcquired>(database)
{
    protected override async Task HandleAsync(ProjectLandAcquired message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await work.LockRecordAsync(message.ProjectId);
        if (await CaseWorkflow.LockAsync(work, message.ProjectId, calendar, clock) is { } workflow)
            await ApplyAsync(workflow, message);
        else
            await ParkedMessages.ParkAsync(work, message.ProjectId, MessageId, message);
    }

    /// <summary>Records the land day the project reported (once) and issues what is ready.</summary>
    internal static async Task ApplyAsync(CaseWorkflow workflow, ProjectLandAcquired message)
    {
        if (workflow.Case.LandAcquiredOn is not null)
            return;
        await workflow.RecordLandAcquiredAsync(DateOnly.FromDateTime(message.OccurredAt.UtcDateTime.AddHours(8)));
        await workflow.AdvanceAsync();
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectLandAcquiredConsumerDefinition()
    : InboxConsumerDefinition<ProjectLandAcquiredConsumer>(16, [100, 500, 1000]);
