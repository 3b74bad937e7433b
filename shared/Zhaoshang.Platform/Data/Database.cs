using Npgsql;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Data;

/// <summary>Entry point to a service's own database: plain connections for reads, units of work for changes.</summary>
public sealed class Database(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>
    /// How many messages the service's consumers handle at once, all endpoints together: half the connection pool, so
    /// that however many messages are waiting, staff's requests (and the relay) always find connections free instead of
    /// queueing behind message handling. Each endpoint's own limit (its definition) still applies within it.
    /// </summary>
    public SemaphoreSlim MessageHandling { get; } = new(MessageHandlingSlots(dataSource.ConnectionString));

    internal static int MessageHandlingSlots(string connectionString) =>
        Math.Max(1, new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize / 2);

    /// <summary>
    /// After PostgreSQL restarted every idle pooled connection is dead and would fail its next command; dropping
    /// them at the first such failure means the next commands get fresh ones.
    /// </summary>
    public void ForgetPooledConnections() => dataSource.Clear();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<UnitOfWork> BeginAsync(Actor actor, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new UnitOfWork(connection, transaction, actor);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
