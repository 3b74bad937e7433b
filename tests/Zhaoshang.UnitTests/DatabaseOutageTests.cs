using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.UnitTests;

/// <summary>
/// With a standby, the connection string names both servers: what Npgsql throws when none of them takes writes is not
/// "transient" to it, yet it is the outage between a primary's loss and the promoted standby being found.
/// </summary>
public class DatabaseOutageTests
{
    // Nothing listens on ports 1 and 2 of loopback: both servers refuse, as a killed primary and a standby still starting.
    private const string BothServersDown = "Host=127.0.0.1:1,127.0.0.1:2;Target Session Attributes=primary;Timeout=2;Username=zs;Database=zs";

    [Fact]
    public async Task No_server_answering_as_primary_is_an_outage_though_Npgsql_calls_it_not_transient()
    {
        await using var dataSource = NpgsqlDataSource.Create(BothServersDown);

        var everyServerRefused = await Assert.ThrowsAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());
        // Within Host Recheck Seconds both are known to be down, and Npgsql tries neither.
        var noneTried = await Assert.ThrowsAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());

        Assert.False(everyServerRefused.IsTransient);
        Assert.True(everyServerRefused.IsDatabaseOutage());
        Assert.False(noneTried.IsTransient);
        Assert.True(noneTried.IsDatabaseOutage());
    }

    [Fact]
    public void A_statement_the_server_refuses_is_no_outage()
    {
        var refused = new PostgresException("syntax error", "ERROR", "ERROR", "42601");

        Assert.False(refused.IsDatabaseOutage());
        Assert.False(new InvalidOperationException("wrapped", refused).IsDatabaseOutage());
    }
}
