using Zhaoshang.Platform.Hosting;
using Zhaoshang.Project;
using Zhaoshang.Project.Dictionaries;
using Zhaoshang.Project.Import;
using Zhaoshang.Project.Kpis;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.MasterData;
using Zhaoshang.Project.NodeEvidence;
using Zhaoshang.Project.NodePlans.Plans;
using Zhaoshang.Project.NodePlans.Templates;
using Zhaoshang.Project.NodePlans.Warnings;
using Zhaoshang.Project.Parks;
using Zhaoshang.Project.Search;
using Zhaoshang.Project.Statistics;
using Zhaoshang.Project.WorkingCalendar;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("project", ProjectTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProjectsApi();
app.MapProjectExportApi();
app.MapStaffTransitionsApi();
app.MapProjectImportApi();
app.MapMasterDataApi();
app.MapParksApi();
app.MapKpisApi();
app.MapStatisticsApi();
app.MapNodePlanTemplatesApi();
app.MapNodePlansApi();
app.MapNodeWarningsApi();
app.MapNodeAttachmentsApi();
app.MapWorkingCalendarApi();
app.MapDictionariesApi();
app.MapSearchApi();

await app.RunServiceAsync();
