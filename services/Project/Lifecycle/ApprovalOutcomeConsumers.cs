using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Shows on the project that every approval before land is granted: it can start the day it gets land.</summary>
public sealed class PreLandApprovalsCompletedConsumer(Database database, TimeProvider clock) : InboxConsumer<PreLandApprovalsCompleted>(database)
{
    protected override async Task HandleAsync(PreLandApprovalsCompleted message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var completedOn = DateOnly.FromDateTime(message.CompletedAt.UtcDateTime.AddHours(8));
        // The earliest day wins, so the fact is the same whatever order its messages come in.
        await ApprovalOutcomes.RecordFactAsync(work, message.ProjectId,
            "pre_land_approvals_completed_on = least(coalesce(pre_land_approvals_completed_on, @Day), @Day)", completedOn);
        await work.AuditAsync("Project", message.ProjectId, "pre-land approvals complete", null, new { completedOn, message.CaseVersion });
        await ApprovalOutcomes.ProgressAsync(work, message.ProjectId, message.CaseVersion, clock);
    }
}

/// <summary>拿地即开工: the certificates were issued together, so a project with its land starts construction that day.</summary>
public sealed class ConstructionPermitIssuedConsumer(Database database, TimeProvider clock) : InboxConsumer<ConstructionPermitIssued>(database)
{
    protected override async Task HandleAsync(ConstructionPermitIssued message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await ApprovalOutcomes.RecordFactAsync(work, message.ProjectId,
            "construction_permit_issued_on = least(coalesce(construction_permit_issued_on, @Day), @Day)", message.IssuedOn);
        await work.AuditAsync("Project", message.ProjectId, "construction permit issued", null, new { message.IssuedOn, message.CaseVersion });
        await ApprovalOutcomes.ProgressAsync(work, message.ProjectId, message.CaseVersion, clock);
    }
}

/// <summary>An approval item was returned (退件): the project stalls with the reason until the case moves on or staff resume it.</summary>
public sealed class ApprovalItemReturnedConsumer(Database database, TimeProvider clock) : InboxConsumer<ApprovalItemReturned>(database)
{
    protected override Task HandleAsync(ApprovalItemReturned message, UnitOfWork work, CancellationToken cancellationToken) =>
        ApprovalOutcomes.SetbackAsync(work, message.ProjectId, message.CaseVersion, $"审批退件：{message.ItemName}（{message.Reason}）",
            "approval item returned", message.ItemCode, clock);
}

/// <summary>An approval item was rejected (不予许可): the project stalls with the reason until the item is resubmitted and granted.</summary>
public sealed class ApprovalItemRejectedConsumer(Database database, TimeProvider clock) : InboxConsumer<ApprovalItemRejected>(database)
{
    protected override Task HandleAsync(ApprovalItemRejected message, UnitOfWork work, CancellationToken cancellationToken) =>
        ApprovalOutcomes.SetbackAsync(work, message.ProjectId, message.CaseVersion, $"审批不予许可：{message.ItemName}（{message.Reason}）",
            "approval item rejected", message.ItemCode, clock);
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class PreLandApprovalsCompletedConsumerDefinition() : InboxConsumerDefinition<PreLandApprovalsCompletedConsumer>(16, [100, 500, 1000]);

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ConstructionPermitIssuedConsumerDefinition() : InboxConsumerDefinition<ConstructionPermitIssuedConsumer>(16, [100, 500, 1000]);

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalItemReturnedConsumerDefinition() : InboxConsumerDefinition<ApprovalItemReturnedConsumer>(16, [100, 500, 1000]);

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalItemRejectedConsumerDefinition() : InboxConsumerDefinition<ApprovalItemRejectedConsumer>(16, [100, 500, 1000]);
