using System.Diagnostics;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Load.MessagingCore;

/// <summary>
/// Durable messages alone, through the services' own platform code in a service-like host in this process: producers
/// commit units of work that each publish one message (<see cref="UnitOfWork.PublishAsync{T}"/> → outbox row), the
/// outbox relay publishes them with confirms, and <see cref="CooperationIntentTransferredConsumer"/> takes them up through its inbox.
/// It lives in its own schema of a service's database and its own queue, bound to a contract no service consumes
/// (<see cref="CooperationIntentTransferred"/>), connected as the environment's broker administrator, who alone may
/// declare that queue; both are removed afterwards.
/// </summary>
public static class MessagingCoreRun
{
    private const string Schema = "messaging_core";

    /// <summary>The host runs as the administrator's "service": MassTransit names its queue after it.</summary>
    private const string Service = "admin";

    public static async Task<MessagingCoreResult> RunAsync(
        string connectionString, RabbitMqOptions administrator, int messages, int producers, TimeSpan timeout)
    {
        var core = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema }.ConnectionString;
        await using (var setup = new NpgsqlConnection(connectionString))
            await setup.ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema}");
        await using (var migrating = DatabaseExtensions.CreateDataSource(core))
        {
            await MigrationRunner.MigrateAsync(migrating, [("platform", typeof(Database).Assembly)], NullLogger.Instance, CancellationToken.None);
            await using var connection = await migrating.OpenConnectionAsync();
            await connection.ExecuteAsync("CREATE TABLE core_effects (intent_id uuid PRIMARY KEY, to_district text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        }

        var topology = new BrokerTopology([new MessageRoute(typeof(CooperationIntentTransferred), Service, [Service])], []);
        await RemoveQueuesAsync(topology, administrator);
        await topology.DeclareAsync(administrator, CancellationToken.None);
        try
        {
            using var host = Build(core, administrator);
            await host.StartAsync();
            try
            {
                var result = await MeasureAsync(host.Services.GetRequiredService<Database>(), core, messages, producers, timeout);
                return result with { SetAside = await SetAsideAsync(topology, administrator) };
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await RemoveQueuesAsync(topology, administrator);
            await using var cleanup = new NpgsqlConnection(connectionString);
            await cleanup.ExecuteAsync($"DROP SCHEMA {Schema} CASCADE");
        }
    }

    private static IHost Build(string connectionString, RabbitMqOptions administrator)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["RabbitMq:Hosts"] = administrator.Describe(),
            ["RabbitMq:VirtualHost"] = administrator.VirtualHost,
            ["RabbitMq:Username"] = administrator.Username,
            ["RabbitMq:Password"] = administrator.Password,
        });
        // What goes wrong (a refused publish, a failing consumer) shows on the console; the rest would drown the figures.
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddZhaoshangDatabase(builder.Configuration);
        builder.Services.AddZhaoshangMessaging(builder.Configuration, Service,
            x => x.AddConsumer<CooperationIntentTransferredConsumer, CooperationIntentTransferredConsumerDefinition>());
        // The clock starts with the first publish, so the consumer is listening by then.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    private static async Task<MessagingCoreResult> MeasureAsync(
        Database database, string connectionString, int messages, int producers, TimeSpan timeout)
    {
        await using var counters = new NpgsqlConnection(connectionString);
        await counters.OpenAsync();
        var transactionsBefore = await CommittedAsync(counters);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var intents = new Guid[messages];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < messages)
            {
                intents[n] = Guid.NewGuid();
                await using var work = await database.BeginAsync(Actor.System, CancellationToken.None);
                await work.PublishAsync(new CooperationIntentTransferred(intents[n], "一区", "二区", "一区", "benchmark", DateTimeOffset.UtcNow));
                await work.CommitAsync(CancellationToken.None);
            }
        }));

        long missing;
        while ((missing = await counters.ExecuteScalarAsync<long>(
                   "SELECT count(*) FROM unnest(@intents) AS i(id) WHERE NOT EXISTS (SELECT 1 FROM core_effects e WHERE e.intent_id = i.id)",
                   new { intents })) > 0 && clock.Elapsed < timeout)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250, 10 + clock.Elapsed.TotalMilliseconds / 50)));
        var wall = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var transactions = await CommittedAsync(counters) - transactionsBefore;
        var redelivered = await counters.ExecuteScalarAsync<long>("SELECT coalesce(sum(duplicate_count), 0)::bigint FROM inbox_messages");
        return new MessagingCoreResult(messages, wall, transactions, cpu, missing, redelivered, 0);
    }

    private static async Task<long> CommittedAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
        return await connection.ExecuteScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }

    private static async Task<long> SetAsideAsync(BrokerTopology topology, RabbitMqOptions administrator)
    {
        await using var connection = await administrator.ConnectAsync("zhaoshang-messaging-core", TimeSpan.FromSeconds(10), CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        var total = 0L;
        foreach (var queue in topology.Queues().SelectMany(q => BrokerTopology.SetAsideSuffixes.Select(s => q.Queue + s)))
            total += (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        return total;
    }

    /// <summary>The run's queue, its exchange and its set-aside queues; the contract's own exchange stays as provisioned.</summary>
    private static async Task RemoveQueuesAsync(BrokerTopology topology, RabbitMqOptions administrator)
    {
        await using var connection = await administrator.ConnectAsync("zhaoshang-messaging-core", TimeSpan.FromSeconds(10), CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in topology.Queues().Select(q => q.Queue).SelectMany(q => BrokerTopology.SetAsideSuffixes.Select(s => q + s).Prepend(q)))
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(queue, ifUnused: false);
        }
    }
}
