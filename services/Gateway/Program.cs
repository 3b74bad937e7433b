using Zhaoshang.Gateway;
using Zhaoshang.Gateway.Reference;
using Zhaoshang.Gateway.StaffConsole;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayDefaults("gateway", GatewayServices.ProxySource);
builder.AddGateway();

var app = builder.Build();
app.UseResponseCompression();
app.MapGatewayDefaults();
app.MapConsoleConfig();
app.MapApiReference();
app.MapReverseProxy();
app.MapConsole();

await app.RunAsync();
