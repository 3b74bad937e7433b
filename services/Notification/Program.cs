using Zhaoshang.Notification;
using Zhaoshang.Notification.Channels;
using Zhaoshang.Notification.Deliveries;
using Zhaoshang.Notification.Inbox;
using Zhaoshang.Notification.Preferences;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("notification", NotificationTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapInboxApi();
app.MapPreferencesApi();
app.MapChannelsApi();
app.MapDeliveriesApi();
app.MapWarningsApi();
app.MapWarningExportApi();

await app.RunServiceAsync();
