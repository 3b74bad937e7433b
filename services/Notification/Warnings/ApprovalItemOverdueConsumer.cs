using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// An approval item passed its statutory limit: a red warning on item <c>approval-item:{CaseId}:{ItemCode}</c>, to the
/// project's district and park when the message names them (older messages do not).
/// </summary>
public sealed class ApprovalItemOverdueConsumer(Database database, WarningBook book, WarningRule rule) : InboxConsumer<ApprovalItemOverdue>(database)
{
    protected override Task HandleAsync(ApprovalItemOverdue message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var itemKey = $"approval-item:{message.CaseId}:{message.ItemCode}";
        var late = rule.On(message.DueOn, WarningBook.ChinaDay(message.OccurredAt)).WorkingDays;
        var warning = new Notice(
            Notice.Warning, WarningGrades.WarningKey(itemKey, message.DueOn, WarningGrades.Red), "approval-item",
            $"审批事项「{message.ItemName}」超过法定时限", WarningGrades.Red, message.DueOn, late,
            message.District ?? "", message.Park, message.ProjectId, [], $"/projects/{message.ProjectId}",
            message.OccurredAt);
        return book.RaiseAsync(work, warning, itemKey);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalItemOverdueConsumerDefinition() : InboxConsumerDefinition<ApprovalItemOverdueConsumer>(16, [100, 500, 1000]);
