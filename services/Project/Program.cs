using Zhaoshang.Platform.Hosting;
using Zhaoshang.Project;
using Zhaoshang.Project.Lifecycle;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("project", ProjectTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProjectsApi();

await app.RunServiceAsync();
