using Dapper;
using Npgsql;
using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// The OpenID Connect provider and the four services as separate processes on real PostgreSQL and RabbitMQ, exporting
/// traces, metrics and logs to an in-test OTLP receiver. Shared by every integration test; tests that stop a service
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
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Telemetry__SampleInterval"] = "00:00:01",
            ["Auth__Authority"] = authority,
            ["Auth__RequireHttpsMetadata"] = "false",
            // Short, so that a rotated key is taken up within seconds (TokenValidationTests).
            ["Auth__UnknownKeyRefresh"] = "00:00:02",
            ["ServiceLevels__ScanInterval"] = "00:00:01",
            ["ApprovalScan__ScanInterval"] = "00:00:01",
            [$"ApprovalSystems__Secrets__{ApprovalSystem.Name}"] = ApprovalSystem.Secret,
            [$"ApprovalSystems__Secrets__{ApprovalSystem.Throttled}"] = ApprovalSystem.ThrottledSecret,
            [$"ApprovalSystems__Items__{ApprovalSystem.Name}"] = "filing,verification,land-pre-review,eia-report,eia-form,energy-review,"
                + "design-review,land-planning-permit,real-estate-title,engineering-planning-permit,construction-permit",
            [$"ApprovalSystems__Items__{ApprovalSystem.Throttled}"] = "eia-report,eia-form",
            [$"ApprovalSystems__RateLimit__Systems__{ApprovalSystem.Throttled}__PermitsPerSecond"] = $"{ApprovalSystem.ThrottledPermitsPerSecond}",
            [$"ApprovalSystems__RateLimit__Systems__{ApprovalSystem.Throttled}__Burst"] = $"{ApprovalSystem.ThrottledBurst}",
        }));
        (Lead, Project, Approval, Funding) = (services["Lead"], services["Project"], services["Approval"], services["Funding"]);
        foreach (var name in services.Keys.Append(Identity.Name))
            _databases[name] = NpgsqlDataSource.Create(TestEnvironment.ConnectionString(name));
        await Task.WhenAll(services.Values.Select(s => s.StartAsync()));
        await Broker.ConnectAsync();
    }

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

    /// <summary>After PostgreSQL restarted under the tests: pooled connections are dead, the next ones are new.</summary>
    internal void ForgetDatabaseConnections()
    {
        foreach (var dataSource in _databases.Values)
            dataSource.Clear();
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
        foreach (var service in new[] { Lead, Project, Approval, Funding, Identity })
            await service.DisposeAsync();
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
