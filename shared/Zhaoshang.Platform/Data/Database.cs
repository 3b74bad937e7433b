using Npgsql;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Data;

/// <summary>Entry point to a service's own database: plain connections for reads, units of work for changes.</summary>
/// <param name="concurrentMessages">Overrides <see cref="MessageHandling"/>'s size (<c>Database:ConcurrentMessages</c>).</param>
/// <param name="concurrentChanges">Overrides <see cref="ChangeRequests"/>' size (<c>Database:ConcurrentChanges</c>).</param>
public sealed class Database(NpgsqlDataSource dataSource, int? concurrentMessages = null, int? concurrentChanges = null)
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>
    /// How many messages the service's consumers handle at once, all endpoints together: by default a quarter of the
    /// connection pool. <see cref="ChangeRequests"/> takes another quarter, so that however much is waiting to be written,
    /// staff's reads (and the relay) always find half the pool free and few changes ahead of them on the CPU, instead of
    /// queueing behind the write flow. Where PostgreSQL shares a few cores with every service (deploy/local: two), even a
    /// quarter each is more work than the cores can run beside a read, so the local system sets both to half the cores
    /// (one on two): under a full write flow the backlog then waits in RabbitMQ and at the door, not in PostgreSQL's run
    /// queue ahead of a page. Each endpoint's own limit (its definition) still applies within it.
    /// </summary>
    public SemaphoreSlim MessageHandling { get; } = new(concurrentMessages ?? QuarterOfPool(dataSource.ConnectionString));

    /// <summary>How many requests that change something run at once (<see cref="Hosting.ChangeAdmission"/>).</summary>
    public SemaphoreSlim ChangeRequests { get; } = new(concurrentChanges ?? QuarterOfPool(dataSource.ConnectionString));

    /// <summary>Raised by every commit that wrote outbox rows; this instance's relay waits on it.</summary>
    public OutboxWake OutboxWake { get; } = new();

    internal static int QuarterOfPool(string connectionString) =>
        Math.Max(1, new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize / 4);

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
            return new UnitOfWork(connection, transaction, actor, OutboxWake);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
