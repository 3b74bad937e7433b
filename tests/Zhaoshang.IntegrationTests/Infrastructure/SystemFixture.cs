using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Zhaoshang.Load;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// The OpenID Connect provider, the four services and the gateway in front of them as separate processes on real
/// PostgreSQL and RabbitMQ, exporting traces, metrics and logs to an in-test OTLP receiver. Shared by every integration test; tests that stop a service
/// start it again before they end.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private readonly Dictionary<string, NpgsqlDataSource> _databases = new();
    internal OtlpTraceReceiver Traces { get; } = new();
    internal ServiceProcess Identity { get; private set; } = null!;
    internal ServiceProcess Lead { get; private set; } = null!;
    internal ServiceProcess Project { get; private set; } = null!;
    internal ServiceProcess Approval { get; private set; } = null!;
    internal ServiceProcess Funding { get; private set; } = null!;
    internal ServiceProcess Notification { get; private set; } = null!;
    internal ServiceProcess Gateway { get; private set; } = null!;
    internal Broker Broker { get; } = new();

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        // Fresh keys each run; the provider generates them (Development), and Tokens forges with them.
        if (Directory.Exists(TestEnvironment.IdentityKeyDirectory))
            Directory.Delete(TestEnvironment.IdentityKeyDirectory, recursive: true);
        var authority = TestEnvironment.IdentityAuthority.ToString();
        // As the benchmark and the fault run start it. No traces from the provider: a service reading its JWKS in a
        // request would add it to that journey's trace.
        var identity = LocalSystem.IdentityEnvironment(
            TestEnvironment.BrokerSuffix, TestEnvironment.IdentityAuthority, TestEnvironment.IdentityKeyDirectory, Tokens.CliSecret, Tokens.DemoPassword);
        identity["Identity__AccessTokenLifetime"] = "04:00:00";
        // The console behind the gateway, besides the Vite dev server's URIs of appsettings.json (index 0).
        identity["Identity__ConsoleRedirectUris__1"] = $"{GatewayAddress}signin-callback";
        identity["Identity__ConsolePostLogoutRedirectUris__1"] = GatewayAddress;
        Identity = new ServiceProcess("Identity", identity);
        await Identity.StartAsync();
        var services = TestEnvironment.Services.ToDictionary(name => name, name => new ServiceProcess(name, new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = TestEnvironment.ConnectionString(name),
            ["RabbitMq__VirtualHost"] = TestEnvironment.VirtualHost,
            ["RabbitMq__Username"] = TestEnvironment.ServiceBrokerUser(name),
            ["RabbitMq__Password"] = TestEnvironment.BrokerPassword(TestEnvironment.ServiceBrokerUser(name)),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["Auth__Authority"] = authority,
            ["Auth__RequireHttpsMetadata"] = "false",
            // Short, so that a rotated key is taken up within seconds (TokenValidationTests).
            ["Auth__UnknownKeyRefresh"] = "00:00:02",
            ["ServiceLevels__ScanInterval"] = "00:00:01",
            // Deadlines turn yellow and red when a test moves "now" (ShiftClockAsync).
            ["Clock__Shiftable"] = "true",
            ["ApprovalScan__ScanInterval"] = "00:00:01",
            ["NodePlans__ScanInterval"] = "00:00:01",
            // Deliveries within a test's patience: quick polls, backoff from 1 s doubling to at most 4 s, three attempts.
            ["Notifications__Delivery__PollInterval"] = "00:00:00.2",
            ["Notifications__Delivery__InitialBackoff"] = "00:00:01",
            ["Notifications__Delivery__MaxBackoff"] = "00:00:04",
            ["Notifications__Delivery__MaxAttempts"] = "3",
            ["Notifications__Delivery__SendTimeout"] = "00:00:05",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = $"{TestEnvironment.SmtpPort}",
            ["Notifications__Smtp__UseTls"] = "false",
            ["Notifications__ConsoleUrl"] = GatewayAddress,
            [$"ApprovalSystems__Secrets__{ApprovalSystem.Name}"] = ApprovalSystem.Secret,
            [$"ApprovalSystems__Secrets__{ApprovalSystem.Throttled}"] = ApprovalSystem.ThrottledSecret,
            [$"ApprovalSystems__Items__{ApprovalSystem.Name}"] = "filing,verification,land-pre-review,eia-report,eia-form,energy-review,"
                + "design-review,land-planning-permit,real-estate-title,engineering-planning-permit,construction-permit",
            [$"ApprovalSystems__Items__{ApprovalSystem.Throttled}"] = "eia-report,eia-form",
            [$"ApprovalSystems__RateLimit__Systems__{ApprovalSystem.Throttled}__PermitsPerSecond"] = $"{ApprovalSystem.ThrottledPermitsPerSecond}",
            [$"ApprovalSystems__RateLimit__Systems__{ApprovalSystem.Throttled}__Burst"] = $"{ApprovalSystem.ThrottledBurst}",
        }.Concat(ServiceSettings.GetValueOrDefault(name) ?? []).ToDictionary()));
        (Lead, Project, Approval, Funding, Notification) =
            (services["Lead"], services["Project"], services["Approval"], services["Funding"], services["Notification"]);
        foreach (var name in services.Keys.Append(Identity.Name))
            _databases[name] = NpgsqlDataSource.Create(TestEnvironment.ConnectionString(name));
        await Task.WhenAll(services.Values.Select(s => s.StartAsync()));
        Gateway = new ServiceProcess("Gateway", GatewayEnvironment(services.Values.Append(Identity)));
        await Gateway.StartAsync();
        await Broker.ConnectAsync();
    }

    /// <summary>
    /// What only some services get, short where a test waits for it; the others keep the defaults, which cost less on
    /// the two cores the suite shares with the browser tests.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ServiceSettings = new()
    {
        ["Lead"] = new()
        {
            // The metrics TelemetryTests reads are exported every second (here, in project and in approval); elsewhere
            // every minute, as the receiver keeps every data point (a few hundred a second at 1 s from five services).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            // The gauges TelemetryTests reads (the outbox's here, the error queues' in the project service) every second;
            // elsewhere every 15 s, as each sample logs in to the broker.
            ["Telemetry__SampleInterval"] = "00:00:01",
            // A row that failed by itself goes out again at the first poll after its retry_at (1, 2, 4, 8 s): one of an
            // unknown type is set aside in about 16 s instead of 25 (OutboxDeadLetterTests).
            ["Outbox__FallbackPollInterval"] = "00:00:01",
        },
        ["Project"] = new()
        {
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Telemetry__SampleInterval"] = "00:00:01",
        },
        ["Approval"] = new() { ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000" },
        // Purges every second in batches of 2, so StoragePurgeTests sees rows past their retention go, several batches
        // per table, without restarting the service. Only rows older than the retentions go, which no other test writes.
        ["Funding"] = new()
        {
            ["Purge__Interval"] = "00:00:01",
            ["Purge__BatchSize"] = "2",
        },
    };

    /// <summary>The gateway's address with its trailing slash, as the console's URIs have it.</summary>
    internal static string GatewayAddress => $"http://127.0.0.1:{TestEnvironment.Ports["Gateway"]}/";

    /// <summary>The gateway, as run.sh starts it, in front of these processes, serving a stand-in console build.</summary>
    private Dictionary<string, string> GatewayEnvironment(IEnumerable<ServiceProcess> services)
    {
        if (Directory.Exists(TestEnvironment.ConsoleRoot))
            Directory.Delete(TestEnvironment.ConsoleRoot, recursive: true);
        Directory.CreateDirectory(Path.Combine(TestEnvironment.ConsoleRoot, "assets"));
        File.WriteAllText(Path.Combine(TestEnvironment.ConsoleRoot, "index.html"), ConsoleIndex);
        File.WriteAllText(Path.Combine(TestEnvironment.ConsoleRoot, "assets", ConsoleAsset), "export const greeting = '欢迎';\n");
        var environment = services.ToDictionary(s => $"Gateway__Services__{s.Name}", s => s.BaseAddress.ToString());
        environment["Gateway__ConsoleRoot"] = TestEnvironment.ConsoleRoot;
        environment["Gateway__Console__Authority"] = TestEnvironment.IdentityAuthority.ToString();
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint.ToString().TrimEnd('/');
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        return environment;
    }

    /// <summary>The stand-in console's page and its one hashed asset (under /assets, as Vite names them).</summary>
    internal const string ConsoleIndex = "<!DOCTYPE html><html lang=\"zh-CN\"><title>招商引资平台</title><div id=\"app\"></div></html>";
    internal const string ConsoleAsset = "index-3f9a1c2b.js";

    /// <summary>An HTTP client for one service, as bureau staff.</summary>
    internal HttpClient Client(ServiceProcess service) => Client(service, Tokens.Bureau);

    /// <summary>An HTTP client for one service with this bearer token, or anonymous when it is null.</summary>
    internal HttpClient Client(ServiceProcess service, string? token)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>
    /// Moves "now" in <paramref name="services"/> (the clock the scanners and deadlines go by); dispose to put it back.
    /// Tests share one system and run one at a time, so a moved clock must not outlive its test.
    /// </summary>
    internal async Task<IAsyncDisposable> ShiftClockAsync(DateTimeOffset now, params ServiceProcess[] services)
    {
        foreach (var service in services)
        {
            using var http = new HttpClient { BaseAddress = service.BaseAddress };
            (await http.PutAsJsonAsync(ShiftableClock.Path, new { now })).EnsureSuccessStatusCode();
        }

        return new ShiftedClock(services);
    }

    private sealed class ShiftedClock(ServiceProcess[] services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var service in services)
            {
                using var http = new HttpClient { BaseAddress = service.BaseAddress };
                (await http.DeleteAsync(ShiftableClock.Path)).EnsureSuccessStatusCode();
            }
        }
    }

    internal async Task<T> ScalarAsync<T>(ServiceProcess service, string sql, object? parameters = null)
    {
        await using var connection = await _databases[service.Name].OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? default!;
    }

    internal async Task<int> ExecuteAsync(ServiceProcess service, string sql, object? parameters = null)
    {
        await using var connection = await _databases[service.Name].OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>
    /// A transaction on a service's database that is rolled back when disposed, for checks that must leave the shared
    /// system as it was (a migration run again over rows made up for it).
    /// </summary>
    internal async Task RolledBackAsync(ServiceProcess service, Func<NpgsqlConnection, NpgsqlTransaction, Task> check)
    {
        await using var connection = await _databases[service.Name].OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await check(connection, transaction);
    }

    /// <summary>
    /// Locks a service's inbox table until disposed: each of its consumers then blocks on its first statement, so a
    /// test knows exactly which messages the service holds in flight.
    /// </summary>
    internal async Task<IAsyncDisposable> HoldInboxAsync(ServiceProcess service)
    {
        var connection = await _databases[service.Name].OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("LOCK TABLE inbox_messages IN EXCLUSIVE MODE", transaction: transaction);
        return new HeldLock(connection, transaction);
    }

    /// <summary>How many of the service's database sessions wait for a lock (consumers blocked by <see cref="HoldInboxAsync"/>).</summary>
    internal Task<int> SessionsWaitingForLocksAsync(ServiceProcess service) =>
        ScalarAsync<int>(service,
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    private sealed class HeldLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        // A start that failed part-way leaves the later ones unset; those that started are stopped all the same.
        foreach (var service in new ServiceProcess?[] { Gateway, Lead, Project, Approval, Funding, Notification, Identity })
        {
            if (service is not null)
                await service.DisposeAsync();
        }
        foreach (var dataSource in _databases.Values)
            await dataSource.DisposeAsync();
        await Traces.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
