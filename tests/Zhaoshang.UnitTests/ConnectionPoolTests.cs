using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.UnitTests;

public class ConnectionPoolTests
{
    private const string ConnectionString = "Host=127.0.0.1;Database=zs_lead;Username=zs_lead;Password=x;Maximum Pool Size=20";

    [Fact]
    public void Consumers_and_changing_requests_each_hold_at_most_a_quarter_of_the_pool()
    {
        Assert.Equal(5, Database.QuarterOfPool(ConnectionString));
        Assert.Equal(1, Database.QuarterOfPool("Host=127.0.0.1;Maximum Pool Size=1"));
        using var dataSource = DatabaseExtensions.CreateDataSource(ConnectionString);
        var database = new Database(dataSource);
        Assert.Equal(5, database.MessageHandling.CurrentCount);
        Assert.Equal(5, database.ChangeRequests.CurrentCount);
        Assert.NotSame(database.MessageHandling, database.ChangeRequests);
    }

    [Fact]
    public void Configured_limits_replace_the_quarters_and_a_limit_below_one_is_refused_by_name()
    {
        var database = Resolve(new() { ["Database:ConcurrentMessages"] = "1", ["Database:ConcurrentChanges"] = "2" });
        Assert.Equal(1, database.MessageHandling.CurrentCount);
        Assert.Equal(2, database.ChangeRequests.CurrentCount);
        Assert.Equal(5, Resolve([]).MessageHandling.CurrentCount);
        var refused = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Database:ConcurrentChanges"] = "0" }));
        Assert.Contains("Database:ConcurrentChanges", refused.Message);
    }

    private static Database Resolve(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Database"] = ConnectionString;
        var services = new ServiceCollection().AddZhaoshangDatabase(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<Database>();
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
    public void Connections_turn_jit_compilation_and_generic_plans_off_keep_parallel_workers_for_big_plans_and_keep_their_own_options()
    {
        using var dataSource = DatabaseExtensions.CreateDataSource(ConnectionString);
        Assert.Equal("-c parallel_setup_cost=10000 -c jit=off -c plan_cache_mode=force_custom_plan", new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Options);
        using var own = DatabaseExtensions.CreateDataSource(ConnectionString + ";Options=-c statement_timeout=5s");
        Assert.Equal("-c parallel_setup_cost=10000 -c statement_timeout=5s -c jit=off -c plan_cache_mode=force_custom_plan", new NpgsqlConnectionStringBuilder(own.ConnectionString).Options);
    }
}
