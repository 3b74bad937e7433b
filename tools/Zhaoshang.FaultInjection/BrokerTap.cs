using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Zhaoshang.Load;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// Below MassTransit, on the run's vhost: copies one real message of each contract type as it flows (a queue of
/// our own bound to the message-type exchanges), publishes those copies again with the same MessageId (a duplicate
/// delivery to every queue that consumes the type), puts a malformed message into each service queue, and reads
/// what the <c>_error</c> queues hold.
/// </summary>
internal sealed class BrokerTap(string virtualHost, LocalHosts hosts) : IAsyncDisposable
{
    /// <summary>The submission queue of the run's approval system (tzxm), which nobody consumes during the run.</summary>
    public const string ApprovalSystemQueue = "approval-system-tzxm";

    // The run's administrator: it may bind to every exchange, read every queue and, as an impersonator, publish the
    // copies with the user_id of the services that sent them.
    private readonly string _user = LocalSystem.BrokerAdmin(virtualHost["zhaoshang".Length..]);
    private string Password => LocalSystem.BrokerPassword(_user);
    private readonly ConcurrentDictionary<string, (ReadOnlyMemory<byte> Body, IReadOnlyBasicProperties Properties)> _copies = new();
    private IConnection? _connection;
    private IChannel? _tap;

    public IReadOnlyCollection<string> CopiedTypes => _copies.Keys.ToList();

    public async Task StartCopyingAsync(IEnumerable<string> messageTypes)
    {
        _connection = await ConnectAsync();
        _tap = await _connection.CreateChannelAsync();
        var queue = (await _tap.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in messageTypes)
        {
            var exchange = $"Zhaoshang.Contracts:{type}";
            await _tap.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await _tap.QueueBindAsync(queue, exchange, "");
        }

        var consumer = new AsyncEventingBasicConsumer(_tap);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            _copies.TryAdd(delivery.Exchange["Zhaoshang.Contracts:".Length..], (delivery.Body.ToArray(), delivery.BasicProperties));
            return Task.CompletedTask;
        };
        await _tap.BasicConsumeAsync(queue, autoAck: true, consumer);
    }

    /// <summary>Every copied message published again, unchanged: returns the MessageIds delivered twice.</summary>
    public async Task<IReadOnlyList<Guid>> PublishDuplicatesAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await ConfirmingChannelAsync(connection);
        var ids = new List<Guid>();
        foreach (var (type, copy) in _copies)
        {
            await channel.BasicPublishAsync($"Zhaoshang.Contracts:{type}", "", mandatory: false, new BasicProperties(copy.Properties), copy.Body);
            ids.Add(Guid.Parse(copy.Properties.MessageId!));
        }

        return ids;
    }

    /// <summary>A message no consumer can read (a cut-off JSON envelope) straight into each queue: queue → its MessageId.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> PoisonAsync(IEnumerable<string> queues)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await ConfirmingChannelAsync(connection);
        var poisoned = new Dictionary<string, Guid>();
        foreach (var queue in queues)
        {
            var id = Guid.NewGuid();
            var properties = new BasicProperties
            {
                MessageId = id.ToString(), ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent,
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes($$"""{"messageId":"{{id}}","message":{"projectId":"""));
            poisoned[queue] = id;
        }

        return poisoned;
    }

    /// <summary>The MessageIds each <c>_error</c> queue holds, looked at without taking them (they are requeued).</summary>
    public async Task<Dictionary<string, List<string>>> ErrorQueueContentsAsync()
    {
        var contents = new Dictionary<string, List<string>>();
        await using var connection = await ConnectAsync();
        foreach (var queue in (await QueuesAsync()).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)))
        {
            await using var channel = await connection.CreateChannelAsync();
            var ids = new List<string>();
            while (await channel.BasicGetAsync(queue.Name, autoAck: false) is { } message)
                ids.Add(message.BasicProperties.MessageId ?? "(no id)");
            contents[queue.Name] = ids;
        }

        return contents;
    }

    /// <summary>Takes every message from the queue, as an approval system connecting at last would: their MessageIds.</summary>
    public async Task<IReadOnlyList<Guid>> DrainAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<Guid>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            ids.Add(Guid.Parse(message.BasicProperties.MessageId!));
        return ids;
    }

    /// <summary>The vhost's queues from the management API.</summary>
    public async Task<IReadOnlyList<QueueInfo>> QueuesAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_user}:{Password}")));
        JsonElement queues;
        for (var attempt = 1; ; attempt++)
        {
            // On the cluster any node answers for all; the one asked may be the one the run has just killed.
            var management = hosts.Management[(attempt - 1) % hosts.Management.Count];
            try
            {
                queues = await http.GetFromJsonAsync<JsonElement>(new Uri(management, $"/api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,messages,consumers"));
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && attempt < 30)
            {
                await Task.Delay(1000); // the management plugin starts a moment after the broker
            }
        }

        return queues.EnumerateArray().Select(q => new QueueInfo(
            q.GetProperty("name").GetString()!,
            q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0,
            q.TryGetProperty("consumers", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0)).ToList();
    }

    private static async Task<IChannel> ConfirmingChannelAsync(IConnection connection) =>
        await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

    /// <summary>
    /// A connection of its own for each step, so a broker restart in between costs nothing; the broker may still be
    /// starting. On the cluster, the first node that answers.
    /// </summary>
    private async Task<IConnection> ConnectAsync()
    {
        var factory = new ConnectionFactory { VirtualHost = virtualHost, UserName = _user, Password = Password };
        var endpoints = hosts.BrokerNodes.Select(n => AmqpTcpEndpoint.Parse(n)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            // A node that accepts the socket but never starts the handshake (still booting) must not hold the run.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                return await factory.CreateConnectionAsync(endpoints, "zhaoshang-fault-injection", patience.Token);
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or OperationCanceledException && attempt < 30)
            {
                await Task.Delay(1000);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
            await _tap.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}

internal sealed record QueueInfo(string Name, int Messages, int Consumers);
