using Zhaoshang.Approval;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("approval", ApprovalTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApprovalCasesApi();
app.MapOverdueItemsApi();
app.MapOverdueItemsExportApi();
app.MapApprovalItemsApi();
app.MapApprovalItemAttachmentsApi();
app.MapDecisionsApi();

await app.RunServiceAsync();
