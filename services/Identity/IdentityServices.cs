using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Zhaoshang.Identity.SignIn;
using Zhaoshang.Identity.Users;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Zhaoshang.Identity;

internal static class IdentityServices
{
    /// <summary>
    /// The OpenID Connect provider: OpenIddict's server without stores (see <see cref="Clients"/>), RS256 access
    /// tokens unencrypted so that any service can validate them with the JWKS, and the staff accounts in PostgreSQL.
    /// </summary>
    public static void AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var options = builder.Configuration.GetSection(IdentityProviderOptions.Section).Get<IdentityProviderOptions>() ?? new();
        options.Validate(development);
        var keys = SigningKeys.Load(options.KeyDirectory, development);
        builder.Services.Configure<IdentityProviderOptions>(builder.Configuration.GetSection(IdentityProviderOptions.Section));

        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddHostedService<DemoUsers>();
        builder.Services.AddAntiforgery();
        // The console signs in from its own origin: its scripts fetch the discovery document, the JWKS and the token
        // endpoint. No credentials: the console holds tokens, never the provider's cookie.
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins(options.ConsoleOrigins()).WithMethods(HttpMethods.Get, HttpMethods.Post).AllowAnyHeader()));
        builder.Services.AddAuthentication().AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.LoginPath = LoginPage.Path;
            o.Cookie.Name = "zhaoshang.identity";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(options.Issuer!);
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowPasswordFlow().AllowRefreshTokenFlow();
            server.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess);
            server.SetAccessTokenLifetime(options.AccessTokenLifetime);
            server.AddSigningKeys(keys.Signing);
            server.AddEncryptionKey(keys.Encryption);
            server.DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                Clients.CheckAuthorizationRequest(context, options);
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                Clients.CheckEndSessionRequest(context, options);
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                Clients.CheckTokenRequest(context, options);
                return default;
            }));
            var aspNetCore = server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            // TLS ends in front of the provider (a reverse proxy) or, on this machine, there is none.
            aspNetCore.DisableTransportSecurityRequirement();
        });
    }
}
