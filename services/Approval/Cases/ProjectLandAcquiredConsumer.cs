using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Cases;

/// <summary>Land day: the pre-approved land-dependent certificates are issued together (四证齐发) if everything is ready.</summary>
public sealed class ProjectLandAcquiredConsumer(Database database, WorkCalendar calendar, TimeProvider clock)
    : InboxConsumer<ProjectLandAcquired>(database)
{
    protected override async Task HandleAsync(ProjectLandAcquired message, UnitOfWork work, CancellationToken cancellationToken)
    {
        // The signing message may still be on its way (another queue): retry until the case exists.
        var workflow = await CaseWorkflow.LockAsync(work, message.ProjectId, calendar, clock)
            ?? throw new InvalidOperationException($"No approval case yet for project {message.ProjectId}.");
        if (workflow.Case.LandAcquiredOn is not null)
            return;
        await workflow.RecordLandAcquiredAsync(clock.TodayInChina());
        await workflow.AdvanceAsync();
    }
}

/// <summary>Up to 16 at once; retries for about a minute while the case may not be open yet, then the <c>_error</c> queue.</summary>
public sealed class ProjectLandAcquiredConsumerDefinition()
    : InboxConsumerDefinition<ProjectLandAcquiredConsumer>(16, [500, 2000, 5000, 15000, 30000]);
