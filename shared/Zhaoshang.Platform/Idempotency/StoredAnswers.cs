using Dapper;
using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>What a creating request answered, kept under its caller's Idempotency-Key.</summary>
internal sealed record StoredAnswer(byte[] Fingerprint, int StatusCode, string? Location, string? ContentType, byte[] Body);

/// <summary>The <c>idempotent_requests</c> table. A row older than the retention counts as absent, whether purged yet or not.</summary>
internal static class StoredAnswers
{
    public static async Task<StoredAnswer?> FindAsync(Database database, IdempotentRequest request, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredAnswer>(
            """
            SELECT fingerprint, status_code, location, content_type, body FROM idempotent_requests
            WHERE caller = @Caller AND key = @Key AND created_at >= now() - @retention
            """,
            new { request.Caller, request.Key, retention });
    }

    /// <summary>
    /// Stores the answer in the request's own transaction. False when the key is taken: a twin request holding it makes
    /// this wait until it commits (or rolls back, and then this one takes the key).
    /// </summary>
    public static async Task<bool> TryRecordAsync(UnitOfWork work, IdempotentRequest request, StoredAnswer answer, TimeSpan retention) =>
        await work.ExecuteAsync(
            """
            INSERT INTO idempotent_requests (caller, key, fingerprint, status_code, location, content_type, body)
            VALUES (@Caller, @Key, @Fingerprint, @StatusCode, @Location, @ContentType, @Body)
            ON CONFLICT (caller, key) DO UPDATE
            SET fingerprint = excluded.fingerprint, status_code = excluded.status_code, location = excluded.location,
                content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at
            WHERE idempotent_requests.created_at < now() - @retention
            """,
            new { request.Caller, request.Key, answer.Fingerprint, answer.StatusCode, answer.Location, answer.ContentType, answer.Body, retention })
        == 1;
}
