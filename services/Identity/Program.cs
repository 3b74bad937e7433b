using Zhaoshang.Identity;
using Zhaoshang.Identity.SignIn;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity", IdentityTelemetry.SourceName);
builder.AddIdentityProvider();

var app = builder.Build();
// Before authentication, where OpenIddict answers discovery, JWKS and token requests.
app.UseCors();
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizationEndpoint();
app.MapEndSessionEndpoint();
app.MapLoginPage();
app.MapUsersApi();
app.MapUserChangesApi();

await app.RunServiceAsync();
