using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server.AspNetCore;

namespace Zhaoshang.Identity.SignIn;

/// <summary>
/// <c>/connect/endsession</c>, after OpenIddict and <see cref="Clients"/> have checked the request: ends the provider's
/// cookie session, so the next sign-in asks for the password again, and sends the browser back to the console's
/// registered post-logout URI (or, without one, shows that the session has ended).
/// </summary>
internal static class EndSessionEndpoint
{
    public static WebApplication MapEndSessionEndpoint(this WebApplication app)
    {
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    // Cast above: a handler taking only the HttpContext would otherwise bind as a RequestDelegate and drop its result.
    private static async Task<Results<ContentHttpResult, SignOutHttpResult>> EndSessionAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        await http.SignOutAsync(AuthorizationEndpoint.CookieScheme);
        if (string.IsNullOrEmpty(request.PostLogoutRedirectUri))
            return TypedResults.Content("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>已退出</title><p>您已退出登录。</p></html>",
                "text/html; charset=utf-8");
        return TypedResults.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
