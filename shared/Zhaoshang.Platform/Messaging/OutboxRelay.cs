using System.Data;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows. Woken in this process by the commits that wrote them (<see cref="OutboxWake"/>), and
/// by a NOTIFY on <see cref="Channel"/> from anything else (an instance without a relay, an operator's requeue); several
/// instances may run because rows are claimed with FOR UPDATE SKIP LOCKED. A row is marked sent only after the broker confirmed
/// it; a crash in between re-publishes it with the same MessageId, which consumers' inboxes drop. The queues behind each
/// exchange were declared by provisioning (<see cref="BrokerTopology"/>); every message carries the service's broker user
/// as its <c>user_id</c>, which RabbitMQ checks against the connection, so consumers know a service sent it.
/// A row that fails by itself (a type this build does not know, a body that does not read, returned by the broker as
/// unroutable) is tried again later and, after <see cref="OutboxOptions.MaxAttempts"/> such failures, set aside
/// (dead-lettered) for operators, while newer rows flow. A broker outage fails every row alike and counts against none.
/// </summary>
internal sealed class OutboxRelay(
    Database database, IBus bus, BrokerTopology topology, RabbitMqOptions rabbit, IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger)
    : BackgroundService
{
    public const string Channel = "zhaoshang_outbox";
    private const string ListenSql = "LISTEN zhaoshang_outbox";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RelayEnabled)
        {
            logger.LogWarning("Outbox relay is disabled in this instance (Outbox:RelayEnabled=false).");
            return;
        }

        database.OutboxWake.RelayStarted();
        try
        {
            await RelayUntilStoppedAsync(stoppingToken);
        }
        finally
        {
            // What commits while this instance stops notifies through PostgreSQL again, for the other instances' relays.
            database.OutboxWake.RelayStopped();
        }
    }

    private async Task RelayUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAndRelayAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay failed; retrying in {Backoff}.", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task ListenAndRelayAsync(CancellationToken cancellationToken)
    {
        await using var listener = await database.OpenAsync(cancellationToken);
        // Commits and notifications only raise a flag: however many arrive while a batch is being relayed, they cost one
        // more batch, not one query each, so under load the batches grow instead of the round trips.
        listener.Notification += (_, _) => database.OutboxWake.Raise();
        await listener.ExecuteAsync(ListenSql);
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenAsync(listener, stopListening.Token);
        try
        {
            while (true)
            {
                while (await RelayBatchAsync(cancellationToken) == options.Value.BatchSize)
                {
                }

                // On stopListening's token: a wait left behind when the listener broke ends with it, instead of taking
                // the next session's wake.
                await Task.WhenAny(database.OutboxWake.WaitAsync(options.Value.FallbackPollInterval, stopListening.Token), listening);
                if (listening.IsCompleted)
                    await listening; // the listening connection broke: start over with a new one
            }
        }
        finally
        {
            await stopListening.CancelAsync();
            await listening.ContinueWith(_ => { }, TaskScheduler.Default);
            // Pooled connections are not reset (DatabaseExtensions): this one must not go back still listening.
            if (listener.FullState == ConnectionState.Open)
                await listener.ExecuteAsync("UNLISTEN *");
        }
    }

    private static async Task ListenAsync(NpgsqlConnection listener, CancellationToken cancellationToken)
    {
        while (true)
            await listener.WaitAsync(cancellationToken);
    }

    private async Task<int> RelayBatchAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken);
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var pending = (await connection.QueryAsync<PendingMessage>(
            """
            SELECT id, message_type, body::text AS body, trace_parent, actor::text AS actor
            FROM outbox_messages
            WHERE sent_at IS NULL AND dead_lettered_at IS NULL AND (retry_at IS NULL OR retry_at <= now())
            ORDER BY created_at
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
            """,
            new { options.Value.BatchSize }, transaction)).AsList();
        if (pending.Count == 0)
            return 0;

        // A batch waits for the broker's confirms at most PublishTimeout: a publish caught by a broker restart can
        // otherwise wait for ever and stall the relay. A batch already claimed when the service is told to stop gets
        // a short grace, so that what the broker confirmed is marked sent instead of going out again after the
        // restart. Publishing still unconfirmed when either ends is cancelled: the transaction rolls back and those
        // rows stay unsent for the next attempt.
        using var grace = new CancellationTokenSource(options.Value.PublishTimeout);
        await using var stopping = stoppingToken.Register(() => grace.CancelAfter(StopGrace));
        var outcomes = await Task.WhenAll(pending.Select(m => TryPublishAsync(m, grace.Token)));
        var sent = pending.Where((_, i) => outcomes[i].Kind == Outcome.Sent).Select(m => m.Id).ToArray();
        var failed = pending.Where((_, i) => outcomes[i].Kind == Outcome.BrokerFailed).Select(m => m.Id).ToArray();
        var refused = pending.Select((m, i) => (m.Id, outcomes[i].Error)).Where((_, i) => outcomes[i].Kind == Outcome.Refused).ToArray();
        await connection.ExecuteAsync(
            """
            UPDATE outbox_messages SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY(@Sent);
            UPDATE outbox_messages SET attempts = attempts + 1 WHERE id = ANY(@Failed);
            """,
            new { Sent = sent, Failed = failed }, transaction);
        var setAside = refused.Length == 0 ? [] : await SetBackAsync(connection, transaction, refused);
        await transaction.CommitAsync(CancellationToken.None);

        foreach (var id in setAside)
            logger.LogError("Outbox message {MessageId} failed {MaxAttempts} times and was set aside (dead-lettered).", id, options.Value.MaxAttempts);
        if (failed.Length > 0)
            throw new InvalidOperationException($"{failed.Length} outbox message(s) could not be published.");
        return pending.Count;
    }

    /// <summary>
    /// Counts a failure of their own against the refused rows: each waits 1, 2, 4 … (at most 60) seconds before its next
    /// try, so it costs little while it fails, and is set aside at MaxAttempts. Returns the ids set aside now.
    /// </summary>
    private async Task<List<Guid>> SetBackAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (Guid Id, string? Error)[] refused) =>
        (await connection.QueryAsync<Guid?>(
            """
            UPDATE outbox_messages o
            SET attempts = o.attempts + 1, failures = o.failures + 1, last_error = r.error,
                retry_at = now() + make_interval(secs => least(power(2, o.failures), 60)),
                dead_lettered_at = CASE WHEN o.failures + 1 >= @MaxAttempts THEN now() END
            FROM unnest(@Ids::uuid[], @Errors::text[]) AS r(id, error)
            WHERE o.id = r.id
            RETURNING CASE WHEN o.dead_lettered_at IS NOT NULL THEN o.id END
            """,
            new { options.Value.MaxAttempts, Ids = refused.Select(r => r.Id).ToArray(), Errors = refused.Select(r => r.Error).ToArray() },
            transaction)).OfType<Guid>().ToList();

    private async Task<PublishOutcome> TryPublishAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(pending.TraceParent, null, out var parent);
        // Named by the row's type name even when no type of that name exists in this build.
        using var activity = PlatformTelemetry.Source.StartActivity(
            $"outbox relay {pending.MessageType[(pending.MessageType.LastIndexOf('.') + 1)..]}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", pending.Id);
        Type messageType;
        object message;
        try
        {
            messageType = OutboxMessageTypes.Resolve(pending.MessageType);
            message = JsonSerializer.Deserialize(pending.Body, messageType, OutboxMessageTypes.JsonOptions)
                ?? throw new JsonException("The body is null.");
        }
        catch (Exception ex)
        {
            return Refused(activity, pending, $"{pending.MessageType} cannot be read by this build: {ex.Message}");
        }

        try
        {
            await bus.Publish(message, messageType, Pipe.Execute<PublishContext>(c =>
            {
                c.MessageId = pending.Id;
                c.Mandatory = topology.IsMandatory(messageType);
                if (c.TryGetPayload<RabbitMqSendContext>(out var rabbitContext))
                    rabbitContext.BasicProperties.UserId = rabbit.Username;
                if (pending.Actor is not null)
                    c.Headers.Set(ActorHeader.Name, pending.Actor);
            }), cancellationToken).WaitAsync(cancellationToken); // bounded even if the transport ignores the token
            return new PublishOutcome(Outcome.Sent, null);
        }
        catch (MessageReturnedException)
        {
            // Not declared again here: the service may not configure other services' queues. Provisioning restores them.
            return Refused(activity, pending, $"Returned by the broker as unroutable: no queue is bound to {BrokerTopology.ExchangeOf(messageType)} (provisioning, infra.sh, declares them).");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning(ex, "Publishing outbox message {MessageId} ({MessageType}) failed.", pending.Id, pending.MessageType);
            return new PublishOutcome(Outcome.BrokerFailed, null);
        }
    }

    private PublishOutcome Refused(Activity? activity, PendingMessage pending, string error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error);
        logger.LogWarning("Outbox message {MessageId} was not published: {Error}", pending.Id, error);
        return new PublishOutcome(Outcome.Refused, error);
    }

    private enum Outcome
    {
        Sent,

        /// <summary>The broker did not confirm (down, restarting, slow): every row alike, so it counts against none.</summary>
        BrokerFailed,

        /// <summary>The row itself failed: it counts towards being set aside.</summary>
        Refused,
    }

    private sealed record PublishOutcome(Outcome Kind, string? Error);

    private sealed record PendingMessage(Guid Id, string MessageType, string Body, string? TraceParent, string? Actor);
}
