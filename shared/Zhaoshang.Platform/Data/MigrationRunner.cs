using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// Applies numbered SQL files (embedded resources named <c>NNNN_name.sql</c>) once each, in order, under a
/// PostgreSQL advisory lock so that several instances starting together migrate once.
/// </summary>
public static partial class MigrationRunner
{
    private const long AdvisoryLockKey = 0x5A48_4D49_4752; // "ZHMIGR"

    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource, IEnumerable<(string Scope, Assembly Assembly)> sources, ILogger logger,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey });
        try
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    scope      text        NOT NULL,
                    version    integer     NOT NULL,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (scope, version))
                """);
            foreach (var (scope, assembly) in sources)
                await ApplyScopeAsync(connection, scope, assembly, logger, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey });
        }
    }

    private static async Task ApplyScopeAsync(
        NpgsqlConnection connection, string scope, Assembly assembly, ILogger logger, CancellationToken cancellationToken)
    {
        var applied = (await connection.QueryAsync<int>(
            "SELECT version FROM schema_migrations WHERE scope = @scope", new { scope })).ToHashSet();
        foreach (var migration in Discover(assembly).Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (scope, version, name) VALUES (@scope, @Version, @Name)",
                new { scope, migration.Version, migration.Name }, transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Scope}/{Name}.", scope, migration.Name);
        }
    }

    internal static IReadOnlyList<Migration> Discover(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key} in {assembly.GetName().Name}.");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"\.Migrations\.(?<name>(?<version>\d{4})_[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    internal sealed record Migration(int Version, string Name, string Sql);
}
