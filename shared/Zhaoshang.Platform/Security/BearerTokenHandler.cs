using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhaoshang.Platform.Security;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "Bearer";

    /// <summary>HMAC-SHA256 signing key shared with the token issuer; at least 32 bytes.</summary>
    public string SigningKey { get; set; } = "";
    public string Issuer { get; set; } = "zhaoshang";
    public string Audience { get; set; } = "zhaoshang-api";
}

/// <summary>
/// Validates JWT bearer tokens (signature, issuer, audience, lifetime) with Microsoft.IdentityModel directly;
/// the JwtBearer package cannot be restored from the registry here. Swap to AddJwtBearer when it can.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var result = await Tokens.ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Options.SigningKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = Actor.SubjectClaim,
            RoleClaimType = Actor.RoleClaim,
        });
        if (!result.IsValid)
            return AuthenticateResult.Fail(result.Exception?.GetType().Name ?? "The token is not valid.");
        if (string.IsNullOrEmpty(result.ClaimsIdentity.FindFirst(Actor.SubjectClaim)?.Value)
            || string.IsNullOrEmpty(result.ClaimsIdentity.FindFirst(Actor.RoleClaim)?.Value))
            return AuthenticateResult.Fail("The token has no subject or no role.");
        return AuthenticateResult.Success(new AuthenticationTicket(new(result.ClaimsIdentity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
