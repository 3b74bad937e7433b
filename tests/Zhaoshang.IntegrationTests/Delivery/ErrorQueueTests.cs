using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.IntegrationTests.Delivery;

[Collection(SystemCollection.Name)]
public class ErrorQueueTests(SystemFixture system)
{
    [Fact]
    public async Task A_message_whose_consumer_always_throws_ends_in_the_error_queue_after_its_retries()
    {
        var messageId = Guid.NewGuid();
        var unknownProject = Guid.NewGuid();
        await system.Broker.PublishAsync(messageId, new ApprovalCaseOpened(unknownProject, Guid.NewGuid(), 9, DateTimeOffset.UtcNow));

        var faulted = await Eventually.AssertAsync(
            () => system.Broker.PeekAsync("project-approval-case-opened_error"),
            queued => queued.Any(m => m.MessageId == messageId.ToString()),
            "the message lands in project-approval-case-opened_error");
        var message = faulted.Single(m => m.MessageId == messageId.ToString());
        Assert.Contains("InvalidOperationException", message.Headers["MT-Fault-ExceptionType"]);
        Assert.Contains(unknownProject.ToString(), message.Headers["MT-Fault-Message"]);
        Assert.Equal("3", message.Headers["MT-Fault-RetryCount"]);
        Assert.Contains(unknownProject.ToString(), message.Body);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task A_message_that_can_never_apply_goes_to_the_error_queue_without_retrying()
    {
        var messageId = Guid.NewGuid();
        var conversion = new CooperationIntentConverted(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "无效转化", null, "光伏", -1m, "", "", null, DateTimeOffset.UtcNow);
        await system.Broker.PublishAsync(messageId, conversion);

        var faulted = await Eventually.AssertAsync(
            () => system.Broker.PeekAsync("project-cooperation-intent-converted_error"),
            queued => queued.Any(m => m.MessageId == messageId.ToString()),
            "the message lands in project-cooperation-intent-converted_error");
        var message = faulted.Single(m => m.MessageId == messageId.ToString());
        Assert.Contains("InvalidMessageException", message.Headers["MT-Fault-ExceptionType"]);
        Assert.False(message.Headers.ContainsKey("MT-Fault-RetryCount") && message.Headers["MT-Fault-RetryCount"] != "0");
        Assert.Equal(0, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM projects WHERE id = @ProjectId", new { conversion.ProjectId }));
    }

    [Fact]
    public async Task A_message_nobody_can_read_ends_in_the_error_queue_and_nowhere_else()
    {
        var messageId = Guid.NewGuid();
        await system.Broker.PublishRawAsync(BrokerTopology.ExchangeOf(typeof(ApprovalCaseOpened)), messageId.ToString(),
            $$"""{"messageId":"{{messageId}}","message":{"projectId":""", TestEnvironment.ServiceBrokerUser("Approval"));

        await Eventually.AssertAsync(
            () => system.Broker.PeekAsync("project-approval-case-opened_error"),
            queued => queued.Any(m => m.MessageId == messageId.ToString()),
            "the message lands in project-approval-case-opened_error");
        // The move to _skipped, when it happened, came right after the move to _error, in the same receive.
        for (var look = 0; look < 10; look++)
        {
            Assert.DoesNotContain(await system.Broker.PeekIfDeclaredAsync("project-approval-case-opened_skipped"),
                m => m.MessageId == messageId.ToString());
            await Task.Delay(200);
        }
    }
}
