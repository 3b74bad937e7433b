using Zhaoshang.Approval;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("approval", ApprovalTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApprovalCasesApi();

await app.RunServiceAsync();
