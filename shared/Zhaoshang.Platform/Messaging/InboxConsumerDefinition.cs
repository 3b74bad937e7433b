using MassTransit;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// An endpoint's policy, stated beside its consumer: how many messages it handles at once and how it retries
/// before a message goes to the <c>_error</c> queue. <see cref="InvalidMessageException"/> is never retried.
/// </summary>
public abstract class InboxConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly int[] _retryIntervalsMs;

    protected InboxConsumerDefinition(int concurrentMessageLimit, int[] retryIntervalsMs)
    {
        ConcurrentMessageLimit = concurrentMessageLimit;
        _retryIntervalsMs = retryIntervalsMs;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<InvalidMessageException>();
            r.Intervals(_retryIntervalsMs);
        });
}
