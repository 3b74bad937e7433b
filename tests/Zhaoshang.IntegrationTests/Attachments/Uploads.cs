using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Attachments;

/// <summary>Evidence files as staff send them: multipart/form-data, one file in the field <c>file</c>.</summary>
internal static class Uploads
{
    /// <summary>The services' default <c>Attachments:MaxBytes</c> (the fixture leaves it as run.sh does).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>A PDF of <paramref name="size"/> bytes: its signature, then bytes no other upload has.</summary>
    public static byte[] Pdf(int size = 4096)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A Windows program: what an .exe renamed to .pdf still is.</summary>
    public static byte[] Program() => [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[58], .. "This program cannot be run in DOS mode."u8];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<HttpResponseMessage> PostAsync(
        SystemFixture system, ServiceProcess service, string token, string path, byte[] bytes, string fileName, string declaredType = "application/pdf",
        string? idempotencyKey = null)
    {
        using var client = system.Client(service, token);
        if (idempotencyKey is not null)
            client.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
        // A fixed boundary: a retry sends the same bytes, as a client retrying its request does.
        using var form = new MultipartFormDataContent("zhaoshang-evidence-boundary");
        var file = new ByteArrayContent(bytes);
        // What the sender declares counts for nothing: the service judges the content.
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(path, form);
    }
}
