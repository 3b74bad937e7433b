using System.Data;
using Dapper;
using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// The embedded default: content in the service's own database (<c>attachment_contents</c>, <c>attachment_chunks</c>),
/// cut into chunks so that neither storing nor reading ever holds more than one chunk of a file in memory.
/// </summary>
public sealed class PostgresAttachmentStore(Database database) : IAttachmentStore
{
    /// <summary>A chunk's size: small enough to hold one per request, large enough that a 20 MiB file is 80 rows.</summary>
    public const int ChunkBytes = 256 * 1024;

    public async Task SaveAsync(string sha256, Stream content, long size, CancellationToken cancellationToken)
    {
        var hash = Convert.FromHexString(sha256);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A twin upload of the same bytes waits here on the key until this one commits, then finds it stored.
        var claimed = await connection.ExecuteAsync(
            "INSERT INTO attachment_contents (sha256, size) VALUES (@hash, @size) ON CONFLICT (sha256) DO NOTHING",
            new { hash, size }, transaction);
        if (claimed == 0)
            return;

        var buffer = new byte[ChunkBytes];
        long stored = 0;
        for (var sequence = 0; stored < size; sequence++)
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, (int)Math.Min(ChunkBytes, size - stored)), 1, throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
                throw new InvalidOperationException($"The content of {sha256} ended after {stored} of {size} bytes.");
            await using var insert = new NpgsqlCommand(
                "INSERT INTO attachment_chunks (sha256, sequence, data) VALUES ($1, $2, $3)", connection, transaction)
            {
                Parameters = { new() { Value = hash }, new() { Value = sequence }, new() { Value = new ArraySegment<byte>(buffer, 0, length) } },
            };
            await insert.ExecuteNonQueryAsync(cancellationToken);
            stored += length;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CopyToAsync(string sha256, Stream destination, CancellationToken cancellationToken)
    {
        var hash = Convert.FromHexString(sha256);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>("SELECT size FROM attachment_contents WHERE sha256 = @hash", new { hash }) is null)
            return false;
        await using var select = new NpgsqlCommand("SELECT data FROM attachment_chunks WHERE sha256 = $1 ORDER BY sequence", connection)
        {
            Parameters = { new() { Value = hash } },
        };
        // Sequential access streams each chunk from the socket instead of buffering its row.
        await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
            await chunk.CopyToAsync(destination, cancellationToken);
        }

        return true;
    }
}
