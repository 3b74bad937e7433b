using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.ProvinceData;

namespace Zhaoshang.IntegrationTests.Performance;

/// <summary>The province loader's COPY against a table whose triggers take their time, as the statistics' totals do.</summary>
public class BulkCopyTests
{
    [Fact]
    public async Task A_copy_whose_triggers_outlast_the_connections_command_timeout_completes()
    {
        // A one-second command timeout and rows whose trigger takes 2.5 s in all: at scale 1 the projects' COPY with the
        // totals triggers outlasted the default 30 s the same way, and the load broke off.
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.ConnectionString("Lead")) { CommandTimeout = 1 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            CREATE TEMP TABLE slow_copy (id int PRIMARY KEY);
            CREATE FUNCTION pg_temp.slow_copy_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$;
            CREATE TRIGGER slow_copy_row AFTER INSERT ON slow_copy FOR EACH ROW EXECUTE FUNCTION pg_temp.slow_copy_row();
            """);

        var copied = await new BulkCopy(connection).IntoAsync("slow_copy", "id", Enumerable.Range(1, 25), (row, id) => row.Int(id));

        Assert.Equal(25, copied);
        Assert.Equal(25, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM slow_copy"));
    }
}
