using Npgsql;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Data;

/// <summary>Entry point to a service's own database: plain connections for reads, units of work for changes.</summary>
public sealed class Database(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

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
