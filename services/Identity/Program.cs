using Zhaoshang.Identity;
using Zhaoshang.Identity.SignIn;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity", IdentityTelemetry.SourceName);
builder.AddIdentityProvider();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizationEndpoint();
app.MapLoginPage();
app.MapUsersApi();
app.MapUserChangesApi();

await app.RunServiceAsync();
