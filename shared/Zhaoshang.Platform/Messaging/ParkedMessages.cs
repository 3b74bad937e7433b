using System.Text.Json;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Messages that arrived before the record they need wait here, keyed by that record (usually the project id). The
/// consumer that creates the record takes them in its own transaction and applies them. Both sides must hold
/// <see cref="UnitOfWork.LockRecordAsync"/> on the key, so a message parked while the record is being created is
/// never left behind.
/// </summary>
public static class ParkedMessages
{
    public static Task ParkAsync<T>(UnitOfWork work, Guid recordKey, Guid messageId, T message) where T : class =>
        work.ExecuteAsync(
            """
            INSERT INTO parked_messages (record_key, message_id, message_type, body)
            VALUES (@recordKey, @messageId, @Type, @Body::jsonb)
            ON CONFLICT (message_id, message_type) DO NOTHING
            """,
            new
            {
                recordKey, messageId, Type = OutboxMessageTypes.NameOf(typeof(T)),
                Body = JsonSerializer.Serialize(message, OutboxMessageTypes.JsonOptions),
            });

    /// <summary>Removes and returns the messages of type <typeparamref name="T"/> waiting for the record, oldest first.</summary>
    public static async Task<IReadOnlyList<T>> TakeAsync<T>(UnitOfWork work, Guid recordKey) where T : class
    {
        var bodies = await work.QueryAsync<string>(
            """
            WITH taken AS (
                DELETE FROM parked_messages WHERE record_key = @recordKey AND message_type = @Type
                RETURNING id, body)
            SELECT body::text FROM taken ORDER BY id
            """,
            new { recordKey, Type = OutboxMessageTypes.NameOf(typeof(T)) });
        return bodies.Select(b => JsonSerializer.Deserialize<T>(b, OutboxMessageTypes.JsonOptions)!).ToList();
    }
}
