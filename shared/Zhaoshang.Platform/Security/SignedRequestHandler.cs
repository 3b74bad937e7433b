using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Security;

public sealed class SignedRequestOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApprovalSystemSignature";
    public const string TimestampHeader = "X-Zhaoshang-Timestamp";
    public const string NonceHeader = "X-Zhaoshang-Nonce";
    public const string SignatureHeader = "X-Zhaoshang-Signature";

    /// <summary>Each approval system's shared secret, by the system's name in the route.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Authenticates a government approval system's webhook: hex HMAC-SHA256, with the system's own secret, over
/// "{timestamp}.{nonce}.{body}". Refused: unknown system, a timestamp more than five minutes away, a malformed nonce or
/// signature (all before the body is read), a body over the limit, a bad signature. The nonce is not remembered here:
/// the endpoint records it in the transaction of what the request changes (<see cref="WebhookNonces"/>), so a request
/// that failed (say with 503) may be sent again as it was, and a replay of one that succeeded is refused.
/// </summary>
internal sealed class SignedRequestHandler(
    IOptionsMonitor<SignedRequestOptions> options, ILoggerFactory logger, UrlEncoder encoder, RequestBodyLimit limit, TimeProvider clock)
    : AuthenticationHandler<SignedRequestOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var system = Request.RouteValues["system"] as string;
        string? timestamp = Request.Headers[SignedRequestOptions.TimestampHeader];
        string? nonce = Request.Headers[SignedRequestOptions.NonceHeader];
        string? signature = Request.Headers[SignedRequestOptions.SignatureHeader];
        if (system is null || timestamp is null || nonce is null || signature is null)
            return AuthenticateResult.NoResult();
        if (!Options.Secrets.TryGetValue(system, out var secret) || secret.Length == 0)
            return AuthenticateResult.Fail("Unknown approval system.");
        if (nonce.Length is < 8 or > 128)
            return AuthenticateResult.Fail("The nonce must have 8 to 128 characters.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > Options.MaxAge.TotalSeconds)
            return AuthenticateResult.Fail("The timestamp is missing or too far from now.");
        if (!TryHex(signature, out var given) || given.Length != HMACSHA256.HashSizeInBytes)
            return AuthenticateResult.Fail("The signature does not match.");

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp}.{nonce}."));
        if (!await limit.TryBufferAsync(Request, hmac, Context.RequestAborted))
            return AuthenticateResult.Fail(new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge));

        if (!CryptographicOperations.FixedTimeEquals(hmac.GetHashAndReset(), given))
            return AuthenticateResult.Fail("The signature does not match.");

        var identity = new ClaimsIdentity(
            [new Claim(Actor.SubjectClaim, system), new Claim(Actor.RoleClaim, Roles.ApprovalSystem), new Claim(WebhookNonces.Claim, nonce)],
            Scheme.Name, Actor.SubjectClaim, Actor.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
