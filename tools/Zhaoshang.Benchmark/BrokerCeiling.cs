using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Zhaoshang.Benchmark;

/// <summary>
/// What RabbitMQ alone carries here: persistent messages published with confirms (a window of them in flight, as
/// the outbox relay publishes) into a quorum queue like the services' own, and one consumer acking each — RabbitMQ.Client, no MassTransit.
/// </summary>
internal static class BrokerCeiling
{
    public static async Task<double> MessagesPerSecondAsync(ConnectionFactory factory, int messages, int bodyBytes, int publishersInFlight)
    {
        await using var connection = await factory.CreateConnectionAsync("zhaoshang-benchmark-ceiling");
        await using var setup = await connection.CreateChannelAsync();
        var queue = $"benchmark-ceiling-{Guid.NewGuid():N}";
        await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        try
        {
            await using var consuming = await connection.CreateChannelAsync();
            await consuming.BasicQosAsync(0, 100, false);
            var consumed = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var consumer = new AsyncEventingBasicConsumer(consuming);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (Interlocked.Increment(ref consumed) == messages)
                    done.TrySetResult();
            };
            await consuming.BasicConsumeAsync(queue, autoAck: false, consumer);

            var body = new byte[bodyBytes];
            Random.Shared.NextBytes(body);
            var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/octet-stream" };
            await using var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null));
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, publishersInFlight).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < messages)
                    await publishing.BasicPublishAsync("", queue, mandatory: false, properties, body);
            }));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return messages / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await setup.QueueDeleteAsync(queue);
        }
    }
}
