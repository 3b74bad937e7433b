using Zhaoshang.Approval.Cases;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval.Integrations;

/// <summary>
/// Decisions that approval systems publish to RabbitMQ (the contract <see cref="ApprovalDecisionReported"/>, which any
/// AMQP client can send; README shows the envelope). Same rules as the webhook. The deciding system is the one whose
/// broker user published it (the validated <c>user_id</c>); a decision naming another system, or sent without a system's
/// user, is refused to <c>approval-approval-decision-reported_error</c> and changes nothing.
/// </summary>
public sealed class ApprovalDecisionReportedConsumer(
    Database database, ApprovalCatalogue catalogue, ApprovalSystemItems items, WorkCalendar calendar, TimeProvider clock)
    : InboxConsumer<ApprovalDecisionReported>(database)
{
    protected override ApprovalDecisionReported Admit(ApprovalDecisionReported message, MessageSender sender) =>
        sender.ApprovalSystem is null
            ? throw new InvalidMessageException(
                $"Decision '{message.DecisionId}' was not published by an approval system's broker user (user_id '{sender.UserId}').")
            : sender.ApprovalSystem != message.System
                ? throw new InvalidMessageException(
                    $"Decision '{message.DecisionId}' names the system '{message.System}' but was published by '{sender.ApprovalSystem}'.")
                : message;

    protected override async Task HandleAsync(ApprovalDecisionReported message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.System) || string.IsNullOrWhiteSpace(message.DecisionId) || message.ProjectId == Guid.Empty
            || !catalogue.Contains(message.ItemCode ?? "") || !Enum.TryParse<DecisionOutcome>(message.Outcome, out var outcome))
            throw new InvalidMessageException(
                $"Decision '{message.DecisionId}' from '{message.System}' lacks a system, decision id, project, known item or outcome.");
        if (items.Refusal(message.System, message.ItemCode!) is { } refusal)
            throw new InvalidMessageException($"Decision '{message.DecisionId}': {refusal}");
        await DecisionIntake.ReceiveAsync(work, new ExternalDecision(
            message.System, message.DecisionId, message.ProjectId, message.ItemCode!, outcome, message.DecidedAt,
            message.ProjectCode, message.Remarks), calendar, clock);
    }
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ApprovalDecisionReportedConsumerDefinition()
    : InboxConsumerDefinition<ApprovalDecisionReportedConsumer>(16, [100, 500, 1000]);
