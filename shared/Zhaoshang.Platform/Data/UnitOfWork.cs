using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;
using Zhaoshang.Platform.Idempotency;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// One transaction: a state change and the messages it causes commit together (transactional outbox).
/// Disposing without <see cref="CommitAsync"/> rolls everything back. It acts for one <see cref="Actor"/>, who is
/// written into the audit log and travels with every message it publishes.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private const string InsertOutboxSql =
        """
        INSERT INTO outbox_messages (id, message_type, body, trace_parent, actor)
        VALUES (@Id, @MessageType, @Body::jsonb, @TraceParent, @Actor::jsonb)
        """;

    private readonly OutboxWake _outboxWake;
    private bool _wroteOutbox;

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, OutboxWake outboxWake)
    {
        _outboxWake = outboxWake;
        Connection = connection;
        Transaction = transaction;
        Actor = actor;
    }

    public Actor Actor { get; }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(sql, parameters, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(sql, parameters, Transaction);

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleAsync<T>(sql, parameters, Transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(sql, parameters, Transaction);

    /// <summary>
    /// Serialises, until this transaction ends, every unit of work that locks the same record, whether or not the
    /// record's row exists yet: a consumer that parks a message for a record and the consumer that creates it take
    /// this lock first, so one always sees what the other committed.
    /// </summary>
    public Task LockRecordAsync(Guid recordKey) => LockRecordAsync(recordKey.ToString());

    /// <summary>The same lock for a record keyed by text (a warning's item key).</summary>
    public Task LockRecordAsync(string recordKey) =>
        Connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))", new { Key = recordKey }, Transaction);

    /// <summary>Queues an event for publishing once this transaction commits.</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        // This instance's relay is woken after the commit (OutboxWake); without one here, another instance's relay is woken
        // by a notification that rides with the first row, not as a round trip of its own, delivered on commit.
        await Connection.ExecuteAsync(
            _wroteOutbox || !_outboxWake.NotifyThroughDatabase ? InsertOutboxSql : InsertOutboxSql + "; SELECT pg_notify(@Channel, '')",
            new
            {
                OutboxRelay.Channel,
                Id = NewId.NextGuid(),
                MessageType = OutboxMessageTypes.NameOf(typeof(T)),
                Body = JsonSerializer.Serialize(message, OutboxMessageTypes.JsonOptions),
                TraceParent = Activity.Current?.Id,
                Actor = JsonSerializer.Serialize(Actor, OutboxMessageTypes.JsonOptions),
            },
            Transaction);
        _wroteOutbox = true;
    }

    /// <summary>Records who changed which record and how, in this transaction.</summary>
    public Task AuditAsync(string recordType, Guid recordId, string action, object? before, object? after) =>
        Connection.ExecuteAsync(
            """
            INSERT INTO audit_log (actor_subject, actor_role, actor_district, actor_park, record_type, record_id, action,
                                   before, after, trace_id)
            VALUES (@Subject, @Role, @District, @Park, @recordType, @recordId, @action, @Before::jsonb, @After::jsonb, @TraceId)
            """,
            new
            {
                Actor.Subject, Actor.Role, Actor.District, Actor.Park, recordType, recordId, action,
                Before = before is null ? null : JsonSerializer.Serialize(before, OutboxMessageTypes.JsonOptions),
                After = after is null ? null : JsonSerializer.Serialize(after, OutboxMessageTypes.JsonOptions),
                TraceId = Activity.Current?.TraceId.ToHexString(),
            },
            Transaction);

    /// <summary>Held by a creating request sent with an Idempotency-Key: it commits with the request's answer, later.</summary>
    internal bool HeldUntilAnswered { get; set; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (IdempotentRequest.Current is { } request)
        {
            request.Hold(this);
            return;
        }

        await CommitNowAsync(cancellationToken);
    }

    internal async Task CommitNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException { InvariantSeverity: "ERROR" })
        {
            // An ERROR answer means PostgreSQL rolled the transaction back; a lost connection leaves it unknown.
            throw new CommitOutcomeUnknownException(ex);
        }

        if (_wroteOutbox)
            _outboxWake.Raise();
    }

    public async ValueTask DisposeAsync()
    {
        if (HeldUntilAnswered)
            return;
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
