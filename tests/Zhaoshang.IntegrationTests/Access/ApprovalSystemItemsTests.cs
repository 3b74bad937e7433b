using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// A decision over the broker follows the webhook's rule: an approval system decides only the items configured for it;
/// any other goes to the error queue at once and writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public class ApprovalSystemItemsTests(SystemFixture system)
{
    [Fact]
    public async Task A_broker_decision_on_an_item_not_configured_for_its_system_goes_to_the_error_queue_and_writes_nothing()
    {
        var messageId = Guid.NewGuid();
        var decisionId = $"EIA-{Guid.NewGuid():N}";
        await system.Broker.PublishAsync(messageId, new ApprovalDecisionReported(
            ApprovalSystem.Throttled, decisionId, Guid.NewGuid(), "filing", "Granted", DateTimeOffset.UtcNow, null, null));

        var faulted = await Eventually.AssertAsync(
            () => system.Broker.PeekAsync("approval-approval-decision-reported_error"),
            queued => queued.Any(m => m.MessageId == messageId.ToString()),
            "the decision lands in approval-approval-decision-reported_error");
        var message = faulted.Single(m => m.MessageId == messageId.ToString());
        Assert.Contains("InvalidMessageException", message.Headers["MT-Fault-ExceptionType"]);
        Assert.Contains($"may decide only eia-form, eia-report, not 'filing'", message.Headers["MT-Fault-Message"]);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM external_decisions WHERE decision_id = @decisionId", new { decisionId }));
    }
}
