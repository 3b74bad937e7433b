using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Zhaoshang.Identity.SignIn;

/// <summary>
/// The provider's two clients. It runs OpenIddict without stores (degraded mode: codes and refresh tokens are
/// self-contained and encrypted), so the clients are checked here: <c>zhaoshang-console</c>, public, authorization
/// code + PKCE to its configured redirect URIs; <c>zhaoshang-cli</c>, confidential, the password grant.
/// </summary>
internal static class Clients
{
    public const string Console = "zhaoshang-console";
    public const string Cli = "zhaoshang-cli";

    public static void CheckAuthorizationRequest(ValidateAuthorizationRequestContext context, IdentityProviderOptions options)
    {
        if (context.ClientId != Console)
            context.Reject(OpenIddictConstants.Errors.InvalidClient, $"Only {Console} signs in through the browser.");
        else if (!options.ConsoleRedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri is not one of the console's.");
    }

    /// <summary>
    /// Degraded mode checks no post-logout URI itself: without this, <c>/connect/endsession</c> would send the browser
    /// anywhere it is asked to.
    /// </summary>
    public static void CheckEndSessionRequest(ValidateEndSessionRequestContext context, IdentityProviderOptions options)
    {
        if (context.Request.PostLogoutRedirectUri is { } uri && !options.ConsolePostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal))
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri is not one of the console's.");
    }

    public static void CheckTokenRequest(ValidateTokenRequestContext context, IdentityProviderOptions options)
    {
        var request = context.Request;
        switch (context.ClientId)
        {
            case Cli when !SecretMatches(context.ClientSecret, options.CliClientSecret):
                context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client secret is not valid.");
                break;
            case Cli when !request.IsPasswordGrantType() && !request.IsRefreshTokenGrantType():
            case Console when !request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType():
                context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, "This client may not use this grant.");
                break;
            case Console when context.ClientSecret is not null:
                context.Reject(OpenIddictConstants.Errors.InvalidClient, $"{Console} is a public client: send no secret.");
                break;
            case Cli or Console:
                break;
            default:
                context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                break;
        }
    }

    private static bool SecretMatches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
