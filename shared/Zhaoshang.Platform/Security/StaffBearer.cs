using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// <c>Auth</c>: where staff tokens come from. The services accept JWTs issued by the OpenID Connect provider at
/// <see cref="Authority"/> for <see cref="Audience"/>, signed with a key it publishes in its JWKS.
/// </summary>
public sealed class BearerTokenOptions
{
    public const string Section = "Auth";
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The provider's issuer URL; its discovery document and JWKS are read from there.</summary>
    public string Authority { get; set; } = "";
    public string Audience { get; set; } = "zhaoshang-api";

    /// <summary>
    /// False only for a provider on this machine (loopback), on a container network (a single-label name such as
    /// <c>identity</c>), or in Development.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often the discovery document and JWKS are read again, so a newly published key is taken up (≥ 5 min).</summary>
    public TimeSpan MetadataRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A token signed with a key the service has not seen (a rotated key) makes it read the JWKS again at once, but at
    /// most this often, so that tokens with invented key ids cannot make it hammer the provider (≥ 1 s).
    /// </summary>
    public TimeSpan UnknownKeyRefresh { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate(bool development)
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
            throw new InvalidOperationException("Auth:Authority must be the OpenID Connect provider's URL.");
        if (string.IsNullOrWhiteSpace(Audience))
            throw new InvalidOperationException("Auth:Audience must be configured.");
        if (!RequireHttpsMetadata && !development && !IsInternal(authority))
            throw new InvalidOperationException(
                "Auth:RequireHttpsMetadata may be false only for a provider on loopback, on a container network or in Development.");
        if (MetadataRefresh < TimeSpan.FromMinutes(5))
            throw new InvalidOperationException("Auth:MetadataRefresh must be at least five minutes.");
        if (UnknownKeyRefresh < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException("Auth:UnknownKeyRefresh must be at least one second.");
    }

    private static bool IsInternal(Uri uri) => IPAddress.TryParse(uri.Host, out var address)
        ? IPAddress.IsLoopback(address)
        : uri.IsLoopback || !uri.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>JwtBearer as the services use it: the provider's keys, issuer and audience, and scope claims required.</summary>
internal static class StaffBearer
{
    public static void Configure(JwtBearerOptions jwt, BearerTokenOptions auth)
    {
        jwt.Authority = auth.Authority;
        jwt.Audience = auth.Audience;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.AutomaticRefreshInterval = auth.MetadataRefresh;
        jwt.RefreshInterval = auth.UnknownKeyRefresh;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = Actor.SubjectClaim,
            RoleClaimType = Actor.RoleClaim,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var problem = context.Principal is null ? "The token has no claims." : ScopeRules.Refusal(context.Principal);
                if (problem is not null)
                    context.Fail(problem);
                return Task.CompletedTask;
            },
        };
    }
}
