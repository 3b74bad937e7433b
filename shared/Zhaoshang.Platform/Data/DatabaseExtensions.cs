using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Zhaoshang.Platform.Data;

public static class DatabaseExtensions
{
    /// <summary>One NpgsqlDataSource per service (its own database), plus the unit of work built on it.</summary>
    public static IServiceCollection AddZhaoshangDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        services.AddSingleton(_ => CreateDataSource(connectionString));
        var concurrentMessages = PositiveOrNull(configuration, "Database:ConcurrentMessages");
        var concurrentChanges = PositiveOrNull(configuration, "Database:ConcurrentChanges");
        services.AddSingleton(provider =>
            new Database(provider.GetRequiredService<NpgsqlDataSource>(), concurrentMessages, concurrentChanges));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static int? PositiveOrNull(IConfiguration configuration, string key) =>
        configuration.GetValue<int?>(key) switch
        {
            null => null,
            > 0 and var value => value,
            var value => throw new InvalidOperationException($"{key} must be at least 1 (it is {value})."),
        };

    /// <summary>The data source a service uses, with Dapper's column and type mapping set up for it.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
        SqlMapper.AddTypeHandler(new DateOnlyArrayTypeHandler());
        // Dapper maps DateTimeOffset itself and would bypass the handler when writing, and Npgsql refuses a non-UTC
        // offset for timestamptz: a decision sent with "+08:00" failed with 500.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetTypeHandler());
        SqlMapper.AddTypeHandler(new ArrayTypeHandler<string>());
        SqlMapper.AddTypeHandler(new ArrayTypeHandler<decimal>());
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The same few dozen statements run all day: prepared once per connection, PostgreSQL stops parsing and
        // planning them on every call (the benchmark showed PostgreSQL's CPU as the largest share). A connection
        // string that sets its own Max Auto Prepare keeps it.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
        // A connection goes back to the pool as it came out: nothing here leaves session state behind (no session
        // settings or temporary tables; the migrations unlock their session lock, the outbox relay unlistens), so the
        // reset Npgsql otherwise runs on every reuse was pure cost: a transaction of its own each time, about half of
        // all PostgreSQL committed in the benchmark. An open transaction is still rolled back on return.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        // PostgreSQL JIT-compiles a plan it costs high (the leadership statistics grouped by month: 125 ms of compiling
        // at a province's size) and no read here runs long enough to win that back: off, after any options of the string's own.
        // And every execution is planned for its own arguments: after a prepared statement's fifth run PostgreSQL may
        // switch to one generic plan, blind to which optional filters (`@x IS NULL OR …`) and which days were asked, and
        // for the lists and statistics that plan read whole tables (the overdue items' count 1.4–1.8 s instead of 0.4, the
        // statistics up to twice as slow). Planning a statement costs tens of microseconds; the parse stays saved.
        // Parallel workers only for plans costed well above the interactive reads: on two cores shared by the services a
        // parallel count of the enterprises took 123 ms against 33 ms alone, and the name filter's 324 against 70, while
        // the statistics' big scans still get them. First, so that the string's own options can set it otherwise.
        builder.ConnectionStringBuilder.Options =
            $"-c parallel_setup_cost=10000 {builder.ConnectionStringBuilder.Options} -c jit=off -c plan_cache_mode=force_custom_plan"
                .Replace("  ", " ");
        return builder.Build();
    }
}
