using Dapper;
using Npgsql;

namespace Zhaoshang.FaultInjection;

/// <summary>
/// An outbox row whose message type this build does not know, as a rollback or a rolling deploy leaves behind: the relay
/// must set it aside after its attempts and keep relaying everything newer.
/// </summary>
internal static class UnknownOutboxRow
{
    public const string Type = "Zhaoshang.Contracts.RetiredMessage";

    public static async Task<Guid> InsertAsync(string connectionString)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(
            "INSERT INTO outbox_messages (id, message_type, body) VALUES (@id, @Type, '{}'::jsonb)", new { id, Type });
        return id;
    }

    /// <summary>Rows the service's relay set aside: their ids.</summary>
    public static async Task<IReadOnlyList<Guid>> DeadLetteredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<Guid>("SELECT id FROM outbox_messages WHERE dead_lettered_at IS NOT NULL")).AsList();
    }
}
