using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.SignIn;

/// <summary>
/// <c>/connect/authorize</c> for the browser console (authorization code + PKCE, checked by OpenIddict and
/// <see cref="Clients"/>): staff not yet signed in at the provider go to the login page and come back here.
/// </summary>
internal static class AuthorizationEndpoint
{
    /// <summary>The provider's own session cookie, set by the login page.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static WebApplication MapAuthorizationEndpoint(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserStore users, IOptions<IdentityProviderOptions> options, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(CookieScheme);
        var user = session.Succeeded ? await users.FindAsync(session.Principal.FindFirst(Actor.SubjectClaim)?.Value, cancellationToken) : null;
        if (user is null or { Disabled: true })
        {
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [CookieScheme]);
        }

        return Results.SignIn(StaffPrincipal.For(user, request.GetScopes(), options.Value.Audience),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
