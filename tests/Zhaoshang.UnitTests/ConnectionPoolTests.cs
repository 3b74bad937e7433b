using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.UnitTests;

public class ConnectionPoolTests
{
    private const string ConnectionString = "Host=127.0.0.1;Database=zs_lead;Username=zs_lead;Password=x;Maximum Pool Size=20";

    [Fact]
    public void Consumers_together_hold_at_most_half_the_pool()
    {
        Assert.Equal(10, Database.MessageHandlingSlots(ConnectionString));
        Assert.Equal(1, Database.MessageHandlingSlots("Host=127.0.0.1;Maximum Pool Size=1"));
        using var dataSource = DatabaseExtensions.CreateDataSource(ConnectionString);
        Assert.Equal(10, new Database(dataSource).MessageHandling.CurrentCount);
    }

    [Fact]
    public void Pooled_connections_are_reused_without_a_reset_and_statements_stay_prepared()
    {
        using var dataSource = DatabaseExtensions.CreateDataSource(ConnectionString);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(100, settings.MaxAutoPrepare);
    }

    [Fact]
    public void Connections_turn_jit_compilation_off_and_keep_their_own_options()
    {
        using var dataSource = DatabaseExtensions.CreateDataSource(ConnectionString);
        Assert.Equal("-c jit=off", new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Options);
        using var own = DatabaseExtensions.CreateDataSource(ConnectionString + ";Options=-c statement_timeout=5s");
        Assert.Equal("-c statement_timeout=5s -c jit=off", new NpgsqlConnectionStringBuilder(own.ConnectionString).Options);
    }
}
