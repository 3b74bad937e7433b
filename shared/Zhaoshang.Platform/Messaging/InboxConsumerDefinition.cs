using MassTransit;
using Npgsql;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// An endpoint's policy, stated beside its consumer: how many messages it handles at once and how it retries
/// before a message goes to the <c>_error</c> queue. <see cref="InvalidMessageException"/> is never retried.
/// A database that is restarting or unreachable is waited out for up to about a minute and a half, outside the
/// consumer's own retries, so an outage does not push good messages into <c>_error</c>.
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
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<NpgsqlException>(e => e.IsTransient);
            r.Exponential(15, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<InvalidMessageException>();
            r.Ignore<NpgsqlException>(e => e.IsTransient);
            r.Intervals(_retryIntervalsMs);
        });
    }
}
