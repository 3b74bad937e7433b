using Dapper;
using Npgsql;

namespace Zhaoshang.Load;

/// <summary>
/// The four services' own databases, read after (or during) a run: messages consumed (inbox rows, one per message
/// and consumer), duplicates the inboxes dropped, outbox rows not yet sent — each summed over the four.
/// </summary>
public sealed class ServiceDatabases(IReadOnlyDictionary<string, string> connectionStrings)
{
    /// <summary>The service's connection string, by name ("Lead", "Project", …).</summary>
    public string this[string service] => connectionStrings[service];

    /// <summary>Outbox rows still to go out: neither sent nor set aside (dead-lettered) by the relay.</summary>
    public async Task<long> UnsentOutboxAsync() =>
        await SumAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND dead_lettered_at IS NULL", null);

    public async Task<long> ConsumedAsync(DateTimeOffset since, DateTimeOffset until) =>
        await SumAsync("SELECT count(*) FROM inbox_messages WHERE received_at >= @since AND received_at < @until", new { since, until });

    /// <summary>Inbox rows of these messages, and how many of them recorded a second delivery.</summary>
    public async Task<(long Rows, long SeenTwice)> InboxOfAsync(IReadOnlyList<Guid> messageIds) =>
        (await SumAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messageIds)", new { messageIds = messageIds.ToArray() }),
         await SumAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messageIds) AND duplicate_count >= 1", new { messageIds = messageIds.ToArray() }));

    public async Task<long> RedeliveriesAsync() => await SumAsync("SELECT coalesce(sum(duplicate_count), 0)::bigint FROM inbox_messages", null);

    private async Task<long> SumAsync(string sql, object? parameters)
    {
        var total = 0L;
        foreach (var connectionString in connectionStrings.Values)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            total += await connection.ExecuteScalarAsync<long>(sql, parameters);
        }

        return total;
    }
}
