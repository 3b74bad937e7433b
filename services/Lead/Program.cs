using Zhaoshang.Lead;
using Zhaoshang.Lead.Enterprises;
using Zhaoshang.Lead.Events;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Lead.Search;
using Zhaoshang.Lead.ServiceLevels;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("lead", LeadTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEnterprisesApi();
app.MapEnterpriseSheetsApi();
app.MapIndustryChainsApi();
app.MapPromotionEventsApi();
app.MapPromotionEventExportApi();
app.MapOverdueIntentsApi();
app.MapIntentsApi();
app.MapIntentExportApi();
app.MapIntentEditsApi();
app.MapIntentLifecycleApi();
app.MapIntentFollowUpsApi();
app.MapFollowUpAttachmentsApi();
app.MapIntentTransfersApi();
app.MapSearchApi();

await app.RunServiceAsync();
