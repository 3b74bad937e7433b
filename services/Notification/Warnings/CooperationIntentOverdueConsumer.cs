using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// A cooperation intent missed a service level (respond, assess, follow up): a red warning on item
/// <c>intent:{IntentId}:{Kind}</c>, to the intent's district (it names no person yet).
/// </summary>
public sealed class CooperationIntentOverdueConsumer(Database database, WarningBook book) : InboxConsumer<CooperationIntentOverdue>(database)
{
    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["Response"] = "响应", ["Assessment"] = "评估", ["FollowUp"] = "跟进",
    };

    protected override Task HandleAsync(CooperationIntentOverdue message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var itemKey = $"intent:{message.IntentId}:{message.Kind}";
        var kind = KindNames.GetValueOrDefault(message.Kind, message.Kind);
        var warning = new Notice(
            Notice.Warning, WarningGrades.WarningKey(itemKey, message.DueOn, WarningGrades.Red), "intent",
            $"{message.EnterpriseName} 合作意向{kind}超期", WarningGrades.Red, message.DueOn, message.WorkingDaysLate,
            message.District, null, null, [], $"/intents/{message.IntentId}", message.DetectedAt);
        return book.RaiseAsync(work, warning, itemKey);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class CooperationIntentOverdueConsumerDefinition() : InboxConsumerDefinition<CooperationIntentOverdueConsumer>(16, [100, 500, 1000]);
