using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Shows on the project that every approval before land is granted: it can start the day it gets land.</summary>
public sealed class PreLandApprovalsCompletedConsumer(Database database) : InboxConsumer<PreLandApprovalsCompleted>(database)
{
    protected override async Task HandleAsync(PreLandApprovalsCompleted message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var completedOn = DateOnly.FromDateTime(message.CompletedAt.UtcDateTime.AddHours(8));
        await work.ExecuteAsync(
            "UPDATE projects SET pre_land_approvals_completed_on = @completedOn, updated_at = now() WHERE id = @ProjectId",
            new { completedOn, message.ProjectId });
        await work.AuditAsync("Project", message.ProjectId, "pre-land approvals complete", null, new { completedOn });
    }
}

/// <summary>拿地即开工: the certificates were issued together, so a project with its land starts construction that day.</summary>
public sealed class ConstructionPermitIssuedConsumer(Database database, TimeProvider clock) : InboxConsumer<ConstructionPermitIssued>(database)
{
    protected override async Task HandleAsync(ConstructionPermitIssued message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var project = await ProjectLifecycle.FindAsync(work, message.ProjectId)
            ?? throw new InvalidOperationException($"Construction permit for unknown project {message.ProjectId}.");
        await work.ExecuteAsync(
            "UPDATE projects SET construction_permit_issued_on = @IssuedOn WHERE id = @ProjectId", new { message.IssuedOn, message.ProjectId });
        await work.AuditAsync("Project", message.ProjectId, "construction permit issued", null, new { message.IssuedOn });
        if (project.State != ProjectState.LandAcquired)
            return;
        if (await ProjectLifecycle.MoveAsync(work, project, ProjectState.UnderConstruction, "四证齐发，拿地即开工", clock) is { } conflict)
            throw new InvalidOperationException($"Project {message.ProjectId} could not start construction: {conflict.ProblemDetails.Detail}");
        await work.ExecuteAsync(
            "UPDATE projects SET construction_started_on = @IssuedOn WHERE id = @ProjectId", new { message.IssuedOn, message.ProjectId });
    }
}

/// <summary>An approval item was returned (退件): the project stalls with the reason until staff resume it.</summary>
public sealed class ApprovalItemReturnedConsumer(Database database, TimeProvider clock) : InboxConsumer<ApprovalItemReturned>(database)
{
    protected override async Task HandleAsync(ApprovalItemReturned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var project = await ProjectLifecycle.FindAsync(work, message.ProjectId)
            ?? throw new InvalidOperationException($"Returned item for unknown project {message.ProjectId}.");
        var reason = $"审批退件：{message.ItemName}（{message.Reason}）";
        if (!ProjectTransitions.CanMove(project.State, ProjectState.Stalled))
        {
            await work.AuditAsync("Project", message.ProjectId, "approval item returned", null, new { message.ItemCode, reason });
            return;
        }

        if (await ProjectLifecycle.MoveAsync(work, project, ProjectState.Stalled, reason, clock) is { } conflict)
            throw new InvalidOperationException($"Project {message.ProjectId} could not stall: {conflict.ProblemDetails.Detail}");
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class PreLandApprovalsCompletedConsumerDefinition() : InboxConsumerDefinition<PreLandApprovalsCompletedConsumer>(16, [100, 500, 1000]);

/// <summary>Up to 16 at once; retried while a concurrent staff change holds the project's version, then <c>_error</c>.</summary>
public sealed class ConstructionPermitIssuedConsumerDefinition() : InboxConsumerDefinition<ConstructionPermitIssuedConsumer>(16, [100, 500, 1000, 5000]);

/// <summary>Up to 16 at once; retried while a concurrent staff change holds the project's version, then <c>_error</c>.</summary>
public sealed class ApprovalItemReturnedConsumerDefinition() : InboxConsumerDefinition<ApprovalItemReturnedConsumer>(16, [100, 500, 1000, 5000]);
