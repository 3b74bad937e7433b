namespace Zhaoshang.Identity;

/// <summary><c>Identity</c>: the provider's issuer, keys, clients and (in Development) its demo users.</summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Identity";

    /// <summary>The provider's own URL: the tokens' <c>iss</c> and the services' <c>Auth:Authority</c>.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The tokens' <c>aud</c>: the services' <c>Auth:Audience</c>.</summary>
    public string Audience { get; set; } = "zhaoshang-api";

    /// <summary>
    /// Holds the RSA keys as PEM files: <c>signing-*.pem</c> (the last by name signs, all are published in the JWKS) and
    /// <c>encryption.pem</c> (authorization codes and refresh tokens). In Development missing keys are generated there.
    /// </summary>
    public string KeyDirectory { get; set; } = "";

    /// <summary>The secret of <c>zhaoshang-cli</c>, the confidential client of scripts, tools and tests (password grant).</summary>
    public string CliClientSecret { get; set; } = "";

    /// <summary>Where <c>zhaoshang-console</c> (the browser console; authorization code + PKCE) may be sent back to.</summary>
    public string[] ConsoleRedirectUris { get; set; } = [];

    /// <summary>Where <c>/connect/endsession</c> may send the console's browser once the provider's session has ended.</summary>
    public string[] ConsolePostLogoutRedirectUris { get; set; } = [];

    /// <summary>The console's origins (of its redirect URIs): the only ones whose scripts may call the provider (CORS).</summary>
    public string[] ConsoleOrigins() =>
        [.. ConsoleRedirectUris.Select(uri => new Uri(uri).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal)];

    /// <summary>Development only: the demo users are created with this password.</summary>
    public string? DemoPassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    internal void Validate(bool development)
    {
        if (Issuer is null || !Issuer.IsAbsoluteUri)
            throw new InvalidOperationException("Identity:Issuer must be the provider's absolute URL.");
        if (string.IsNullOrWhiteSpace(KeyDirectory))
            throw new InvalidOperationException("Identity:KeyDirectory must name the folder of the signing keys.");
        if (CliClientSecret.Length < 24)
            throw new InvalidOperationException("Identity:CliClientSecret must have at least 24 characters.");
        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromHours(12))
            throw new InvalidOperationException("Identity:AccessTokenLifetime must be between 0 and 12 hours.");
        if (development)
            return;
        if (!string.IsNullOrEmpty(DemoPassword))
            throw new InvalidOperationException("Identity:DemoPassword creates demo users; it is refused outside Development.");
    }
}
