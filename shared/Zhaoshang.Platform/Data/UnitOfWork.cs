using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// One transaction: a state change and the messages it causes commit together (transactional outbox).
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private bool _wroteOutbox;

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(sql, parameters, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(sql, parameters, Transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(sql, parameters, Transaction);

    /// <summary>Queues an event for publishing once this transaction commits.</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        await Connection.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, message_type, body, trace_parent)
            VALUES (@Id, @MessageType, @Body::jsonb, @TraceParent)
            """,
            new
            {
                Id = NewId.NextGuid(),
                MessageType = OutboxMessageTypes.NameOf(typeof(T)),
                Body = JsonSerializer.Serialize(message, OutboxMessageTypes.JsonOptions),
                TraceParent = Activity.Current?.Id,
            },
            Transaction);
        _wroteOutbox = true;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_wroteOutbox)
            await Connection.ExecuteAsync("SELECT pg_notify(@Channel, '')", new { OutboxRelay.Channel }, Transaction);
        await Transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
