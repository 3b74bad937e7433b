using Dapper;
using Npgsql;

namespace Zhaoshang.Platform.Attachments;

/// <summary>An evidence file attached to a record: the content is found by its SHA-256 (hex) in the store.</summary>
public sealed record Attachment(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>The <c>attachments</c> table, the same in every service.</summary>
internal static class AttachmentRows
{
    private const string Columns = "id, file_name, content_type, size, encode(sha256, 'hex') AS sha256, uploaded_by, uploaded_at";

    public static async Task<IReadOnlyList<Attachment>> ListAsync(NpgsqlConnection connection, Guid recordId) =>
        (await connection.QueryAsync<Attachment>(
            $"SELECT {Columns} FROM attachments WHERE record_id = @recordId ORDER BY uploaded_at, id", new { recordId })).AsList();

    public static Task<Attachment?> FindAsync(NpgsqlConnection connection, Guid recordId, Guid id) =>
        connection.QuerySingleOrDefaultAsync<Attachment>(
            $"SELECT {Columns} FROM attachments WHERE record_id = @recordId AND id = @id", new { recordId, id });

    public static object Row(Guid recordId, Attachment attachment) => new
    {
        attachment.Id, RecordId = recordId, attachment.FileName, attachment.ContentType, attachment.Size,
        Sha256 = Convert.FromHexString(attachment.Sha256), attachment.UploadedBy, attachment.UploadedAt,
    };

    public const string Insert =
        """
        INSERT INTO attachments (id, record_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at)
        VALUES (@Id, @RecordId, @FileName, @ContentType, @Size, @Sha256, @UploadedBy, @UploadedAt)
        """;
}
