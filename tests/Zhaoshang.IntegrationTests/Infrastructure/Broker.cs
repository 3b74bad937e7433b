using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>Talks to the test vhost with RabbitMQ.Client directly, below MassTransit: to inject and inspect messages.</summary>
internal sealed class Broker : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IConnection? _connection;

    public async Task ConnectAsync() =>
        _connection = await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            VirtualHost = TestEnvironment.VirtualHost,
            UserName = TestEnvironment.RabbitUser,
            Password = TestEnvironment.RabbitPassword,
        }.CreateConnectionAsync();

    /// <summary>Publishes a contract message in MassTransit's JSON envelope, with the message id we choose.</summary>
    public async Task PublishAsync<T>(Guid messageId, T message) where T : class
    {
        var messageType = $"{typeof(T).Namespace}:{typeof(T).Name}";
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:{messageType}" },
            message,
            sentTime = DateTime.UtcNow,
        };
        await using var channel = await _connection!.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(messageType, "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Json)));
    }

    /// <summary>Publishes a body as it is, the way a client in another language would, to an exchange.</summary>
    public async Task PublishRawAsync(string exchange, string messageId, string json)
    {
        await using var channel = await _connection!.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId,
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The messages in a queue, read and put back (nack with requeue) so the queue is left as it was.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> PeekAsync(string queue)
    {
        await using var channel = await _connection!.CreateChannelAsync();
        var messages = new List<QueuedMessage>();
        var tags = new List<ulong>();
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } result)
        {
            tags.Add(result.DeliveryTag);
            var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString());
            messages.Add(new QueuedMessage(result.BasicProperties.MessageId, headers, Encoding.UTF8.GetString(result.Body.Span)));
        }

        foreach (var tag in tags)
            await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        return messages;
    }

    /// <summary>Like <see cref="PeekAsync"/>, but a queue never declared (an <c>_error</c> queue nothing failed into) reads as empty.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> PeekIfDeclaredAsync(string queue)
    {
        await using (var channel = await _connection!.CreateChannelAsync())
        {
            try
            {
                await channel.QueueDeclarePassiveAsync(queue);
            }
            catch (OperationInterruptedException)
            {
                return [];
            }
        }

        return await PeekAsync(queue);
    }

    /// <summary>Whether the queue exists (declared by a service or by the topology).</summary>
    public async Task<bool> QueueExistsAsync(string queue)
    {
        await using var channel = await _connection!.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Removes a service's queue and the exchange MassTransit binds in front of it, as on a broker where it never started.</summary>
    public async Task DeleteEndpointAsync(string queue)
    {
        await using var channel = await _connection!.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(queue);
    }

    /// <summary>Empties a queue, so a test counts only what it caused.</summary>
    public async Task PurgeAsync(string queue)
    {
        await using var channel = await _connection!.CreateChannelAsync();
        await channel.QueuePurgeAsync(queue);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}

internal sealed record QueuedMessage(string? MessageId, IReadOnlyDictionary<string, string?> Headers, string Body);
