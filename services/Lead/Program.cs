using Zhaoshang.Lead;
using Zhaoshang.Lead.Enterprises;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("lead", LeadTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEnterprisesApi();
app.MapIntentsApi();

await app.RunServiceAsync();
