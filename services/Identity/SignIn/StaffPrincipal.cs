using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.SignIn;

/// <summary>The principal the provider signs in: the user's claims, for the API audience, in the access and identity tokens.</summary>
internal static class StaffPrincipal
{
    public static ClaimsPrincipal For(StaffUser user, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(
            user.Claims(), TokenValidationParameters.DefaultAuthenticationType, Actor.SubjectClaim, Actor.RoleClaim);
        identity.SetScopes(scopes);
        identity.SetResources(audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
