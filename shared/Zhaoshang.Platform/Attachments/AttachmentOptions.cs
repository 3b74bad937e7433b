namespace Zhaoshang.Platform.Attachments;

/// <summary><c>Attachments</c>: how large an evidence file may be. The gateway reads the same key for its upload routes.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>Room for the multipart framing around the file: the boundaries, the part's headers, its name.</summary>
    public const long FramingBytes = 64 * 1024;

    /// <summary><c>Attachments:MaxBytes</c>: the largest file accepted (20 MiB unless configured); larger ones get 413.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The largest upload request: the file and its framing.</summary>
    public long MaxRequestBytes => MaxBytes + FramingBytes;
}
