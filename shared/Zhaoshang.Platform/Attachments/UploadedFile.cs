using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// The <c>file</c> part of a multipart/form-data upload, copied to a temporary file (deleted when disposed) while its
/// SHA-256 and size are taken: memory holds one buffer whatever the file's size, and the type is then judged from the
/// copy, which can be read anywhere (a zip's directory is at its end).
/// </summary>
public sealed class UploadedFile : IAsyncDisposable
{
    public const string Field = "file";

    private const int MaxFileNameLength = 255;

    private UploadedFile(string fileName, FileStream content) => (FileName, Content) = (fileName, content);

    public string FileName { get; }

    public FileStream Content { get; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    /// <summary>Why an upload is refused: the status and the message for the field <c>file</c>.</summary>
    public sealed record Refusal(int Status, string Message);

    /// <summary>Reads the request's <c>file</c> part, at most <paramref name="maxBytes"/> of it.</summary>
    public static async Task<(UploadedFile? File, Refusal? Refusal)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            return (null, new(StatusCodes.Status400BadRequest, $"Send the file as multipart/form-data, in the field '{Field}'."));
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition() || HeaderUtilities.RemoveQuotes(disposition.Name).Value != Field)
                    continue;
                if (FileNameOf(disposition) is not { } fileName)
                    return (null, new(StatusCodes.Status400BadRequest, $"'{Field}' needs a file name of 1 to {MaxFileNameLength} characters."));
                var file = new UploadedFile(fileName, new FileStream(
                    Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous));
                var refusal = await file.CopyAsync(section.Body, maxBytes, cancellationToken);
                if (refusal is null)
                    return (file, null);
                await file.DisposeAsync();
                return (null, refusal);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException)
        {
            return (null, new(StatusCodes.Status400BadRequest, $"The multipart body could not be read: {ex.Message}"));
        }

        return (null, new(StatusCodes.Status400BadRequest, $"'{Field}' is required: a multipart/form-data part named '{Field}' with a file name."));
    }

    private async Task<Refusal?> CopyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Size += read;
            if (Size > maxBytes)
                return new(StatusCodes.Status413PayloadTooLarge, $"'{Field}' may have at most {Describe(maxBytes)}.");
            hash.AppendData(buffer, 0, read);
            await Content.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        if (Size == 0)
            return new(StatusCodes.Status400BadRequest, $"'{Field}' is empty.");
        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        Content.Position = 0;
        return null;
    }

    /// <summary>The name the sender gave, without any folder, control characters or surrounding spaces.</summary>
    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = new string(given[(given.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length is > 0 and <= MaxFileNameLength ? name : null;
    }

    public static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB ({bytes} bytes)" : $"{bytes} bytes";

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>The 4xx for a refused upload, naming the field <c>file</c>.</summary>
    public static ProblemHttpResult Problem(int status, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field] = [message] })
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status413PayloadTooLarge => "The file is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The file type is not accepted.",
                _ => "The file could not be read.",
            },
            Detail = message,
        });
}
