using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Zhaoshang.Identity.Users;

namespace Zhaoshang.Identity.SignIn;

/// <summary>
/// <c>POST /connect/token</c>, after OpenIddict has checked the request and the client: the password grant
/// (<c>zhaoshang-cli</c>), and the code and refresh grants, which read the user again so that a disabled account
/// or a changed role or scope takes effect at the next token.
/// </summary>
internal static class TokenEndpoint
{
    public static WebApplication MapTokenEndpoint(this WebApplication app)
    {
        app.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, UserStore users, IOptions<IdentityProviderOptions> options, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        StaffUser? user;
        if (request.IsPasswordGrantType())
        {
            user = await users.SignInAsync(request.Username, request.Password, cancellationToken);
        }
        else
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            user = await users.FindAsync(granted.Principal?.GetClaim(OpenIddictConstants.Claims.Subject), cancellationToken);
            if (user is { Disabled: true })
                user = null;
        }

        if (user is null)
            return Refuse("The username or password is wrong, or the account is disabled.");
        return Results.SignIn(StaffPrincipal.For(user, request.GetScopes(), options.Value.Audience),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.InvalidGrant,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
