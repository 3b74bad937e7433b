using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Talks to the test vhost with RabbitMQ.Client directly, below MassTransit: to inject and inspect messages. Each message
/// goes out as the identity that sends it in the system (its publishing service's broker user, an approval system's), with
/// that user as its <c>user_id</c>; inspection (peek, purge, delete, restore) uses the environment's administrator.
/// </summary>
internal sealed class Broker : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, IConnection> _publishers = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public async Task ConnectAsync() => _connection = await ConnectAsync(TestEnvironment.BrokerAdmin);

    /// <summary>
    /// A connection of its own as <paramref name="user"/> (the caller disposes it). Bounded: RabbitMQ.Client waits for the
    /// broker's connection.start without a timeout, and a broker slow under load once held a test there for 15 minutes.
    /// </summary>
    public static async Task<IConnection> ConnectAsync(string user)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            VirtualHost = TestEnvironment.VirtualHost,
            UserName = user,
            Password = TestEnvironment.BrokerPassword(user),
        }.CreateConnectionAsync(patience.Token);
    }

    /// <summary>
    /// The broker user that publishes a contract: its (first) publishing service's, or for decisions this approval system's.
    /// </summary>
    public static string PublisherOf(Type message, string approvalSystem = ApprovalSystem.Name)
    {
        var publisher = BrokerTopology.Routes.Single(r => r.Message == message).Publishers[0];
        return publisher == BrokerTopology.ApprovalSystems
            ? TestEnvironment.SystemBrokerUser(approvalSystem)
            : TestEnvironment.ServiceBrokerUser(publisher);
    }

    /// <summary>
    /// Publishes a contract message in MassTransit's JSON envelope, with the message id we choose, as the user that
    /// publishes it in the system (a decision as the approval system it names).
    /// </summary>
    public Task PublishAsync<T>(Guid messageId, T message) where T : class =>
        PublishAsync(messageId, message, PublisherOf(typeof(T), (message as ApprovalDecisionReported)?.System ?? ApprovalSystem.Name));

    /// <summary>
    /// Like <see cref="PublishAsync{T}(Guid,T)"/>, as <paramref name="user"/>, with these headers (in the envelope, where
    /// MassTransit reads them, and on the AMQP message, as MassTransit sends them).
    /// </summary>
    public async Task PublishAsync<T>(Guid messageId, T message, string user, IDictionary<string, object?>? headers = null) where T : class
    {
        var messageType = BrokerTopology.ExchangeOf(typeof(T));
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:{messageType}" },
            message,
            sentTime = DateTime.UtcNow,
            headers = headers ?? new Dictionary<string, object?>(),
        };
        await PublishRawAsync(messageType, messageId.ToString(), JsonSerializer.Serialize(envelope, Json), user, headers: headers);
    }

    /// <summary>
    /// Publishes a body as it is, the way a client in another language would, to an exchange, as <paramref name="user"/>
    /// with <c>user_id</c> <paramref name="userId"/> (the user itself unless given; RabbitMQ refuses any other).
    /// </summary>
    public async Task PublishRawAsync(
        string exchange, string messageId, string json, string user, string? userId = null, IDictionary<string, object?>? headers = null)
    {
        var connection = await PublisherAsync(user);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId,
            UserId = userId == NoUserId ? null : userId ?? user,
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>For <see cref="PublishRawAsync"/>: a message without <c>user_id</c>.</summary>
    public const string NoUserId = "";

    /// <summary>
    /// What RabbitMQ answered when it refused an operation (the channel's close reason, e.g. ACCESS_REFUSED), or null when
    /// it was allowed.
    /// </summary>
    public static async Task<string?> RefusalAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return null;
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            return ex.ToString();
        }
    }

    private async Task<IConnection> PublisherAsync(string user)
    {
        await _connecting.WaitAsync();
        try
        {
            if (!_publishers.TryGetValue(user, out var connection) || !connection.IsOpen)
                _publishers[user] = connection = await ConnectAsync(user);
            return connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Declares the whole topology again, as provisioning does (an operator re-running infra.sh).</summary>
    public Task RestoreTopologyAsync() =>
        new BrokerTopology(BrokerTopology.Routes, [ApprovalSystem.Name, ApprovalSystem.Throttled]).DeclareAsync(new RabbitMqOptions
        {
            Host = "127.0.0.1",
            VirtualHost = TestEnvironment.VirtualHost,
            Username = TestEnvironment.BrokerAdmin,
            Password = TestEnvironment.BrokerPassword(TestEnvironment.BrokerAdmin),
        }, CancellationToken.None);

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

    /// <summary>
    /// How many subscriptions the queue has: zero once a stopping service has cancelled its own. Asked of the management
    /// API, because a quorum queue's own consumer count still counts a cancelled consumer until the messages it holds are
    /// settled.
    /// </summary>
    public static async Task<int> SubscriptionsAsync(string queue)
    {
        using var management = Management();
        var consumers = await management.GetFromJsonAsync<JsonElement[]>($"consumers/{Uri.EscapeDataString(TestEnvironment.VirtualHost)}");
        return consumers!.Count(c => c.GetProperty("queue").GetProperty("name").GetString() == queue);
    }

    /// <summary>The management API as the environment's administrator (the caller disposes it).</summary>
    public static HttpClient Management()
    {
        var management = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672/api/") };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{TestEnvironment.BrokerAdmin}:{TestEnvironment.BrokerPassword(TestEnvironment.BrokerAdmin)}")));
        return management;
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
        foreach (var connection in _publishers.Values.Append(_connection).OfType<IConnection>())
            await connection.DisposeAsync();
        _connecting.Dispose();
    }
}

internal sealed record QueuedMessage(string? MessageId, IReadOnlyDictionary<string, string?> Headers, string Body);
