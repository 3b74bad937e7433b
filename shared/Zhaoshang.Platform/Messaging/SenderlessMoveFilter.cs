using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Moves a message that failed for good to <c>&lt;queue&gt;_error</c> (or one no consumer of the endpoint takes to
/// <c>&lt;queue&gt;_skipped</c>), as MassTransit's own move does, but without its <c>user_id</c>. MassTransit copies every
/// property, and RabbitMQ refuses a <c>user_id</c> that is not the publishing connection's own, so moving anything another
/// user sent would fail and the message come back for ever. The sender stays readable in the
/// <c>Zhaoshang-Sender</c> header. The <c>_error</c> and <c>_skipped</c> queues are declared by provisioning.
/// </summary>
internal sealed class SenderlessMoveFilter<TContext>(string queueSuffix, Action<TContext, SendHeaders> describe) : IFilter<TContext>
    where TContext : class, ReceiveContext
{
    public const string SenderHeader = "Zhaoshang-Sender";

    public async Task Send(TContext context, IPipe<TContext> next)
    {
        var channel = context.GetPayload<ChannelContext>();
        var received = context.GetPayload<RabbitMqBasicConsumeContext>();
        var properties = new BasicProperties(received.Properties)
        {
            UserId = null,
            Expiration = null,
            Headers = new Dictionary<string, object?>(received.Properties.Headers ?? new Dictionary<string, object?>()),
        };
        var headers = new MoveTransportHeaders(properties);
        headers.SetHostHeaders();
        describe(context, headers);
        if (received.Properties.UserId is { } sender)
            headers.Set(SenderHeader, sender);
        var queue = context.InputAddress.AbsolutePath.Split('/')[^1];
        await channel.BasicPublishAsync(queue + queueSuffix, "", true, properties, context.GetBody(), true, context.CancellationToken);
        // MassTransit's own error pipe marks the receive faulted; without that a message that failed before any consumer
        // (one that cannot be read) would also count as not consumed and be moved to _skipped as well.
        if (context is ExceptionReceiveContext { IsFaulted: false } failed)
            await failed.NotifyFaulted(failed.Exception);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("senderlessMove");
}
