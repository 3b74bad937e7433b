using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.OrderingTests.Infrastructure;

/// <summary>
/// One service's database for the ordering tests (<c>infra.sh orders --fresh</c> creates it; <c>ZS_TEST_SLOT=n</c> gives a
/// second checkout its own), emptied and migrated once per test run, exactly as the service migrates it.
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    private static readonly int Slot = int.TryParse(Environment.GetEnvironmentVariable("ZS_TEST_SLOT"), out var slot) ? slot : 0;

    private ServiceDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public Database Database => new(DataSource);

    /// <summary>The database of the service whose code is in <paramref name="serviceAssembly"/>, fresh and migrated.</summary>
    public static async Task<ServiceDatabase> CreateAsync(string service, Assembly serviceAssembly)
    {
        var name = $"zs_{service.ToLowerInvariant()}_orders{(Slot == 0 ? "" : Slot.ToString())}";
        var dataSource = DatabaseExtensions.CreateDataSource(
            $"Host=127.0.0.1;Port=5432;Database={name};Username={name};Password={name}_dev;Maximum Pool Size=20");
        await using (var connection = await dataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        await MigrationRunner.MigrateAsync(
            dataSource, [("platform", typeof(ServiceDefaults).Assembly), ("service", serviceAssembly)],
            NullLogger.Instance, CancellationToken.None);
        return new ServiceDatabase(dataSource);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
