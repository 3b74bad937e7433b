namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// Where attachments' content lives, addressed by its SHA-256 (lower-case hex): the same bytes are stored once however
/// often and wherever they are attached. The attachments' records (name, type, who, which record) stay in the service's
/// database; content is stored before its record commits, so a record always finds its content, and content whose
/// record never committed is only unreferenced. The default keeps it in the service's PostgreSQL
/// (<see cref="PostgresAttachmentStore"/>); an S3-compatible object store fits the same two operations.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Stores <paramref name="size"/> bytes read from <paramref name="content"/> under <paramref name="sha256"/>, unless
    /// content with that hash is stored already. Safe to repeat and to race: one copy remains.
    /// </summary>
    Task SaveAsync(string sha256, Stream content, long size, CancellationToken cancellationToken);

    /// <summary>Writes the content stored under <paramref name="sha256"/> to <paramref name="destination"/>; false when none is.</summary>
    Task<bool> CopyToAsync(string sha256, Stream destination, CancellationToken cancellationToken);
}
