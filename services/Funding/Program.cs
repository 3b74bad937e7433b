using Zhaoshang.Funding;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("funding", FundingTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLedgersApi();

await app.RunServiceAsync();
