using System.Diagnostics;
using MassTransit;
using Zhaoshang.Lead.Dictionaries;
using Zhaoshang.Lead.Intents;
using Zhaoshang.Lead.ServiceLevels;
using Zhaoshang.Lead.WorkingCalendar;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Lead;

public static class LeadTelemetry
{
    public const string SourceName = "Zhaoshang.Lead";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class LeadServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "lead", x =>
        {
            x.AddConsumer<ProjectOpenedConsumer, ProjectOpenedConsumerDefinition>();
            x.AddConsumer<WorkingCalendarChangedConsumer, WorkingCalendarChangedConsumerDefinition>();
            x.AddConsumer<DictionariesChangedConsumer, DictionariesChangedConsumerDefinition>();
        });
        builder.Services.AddBureauDictionaries();
        builder.Services.Configure<ServiceLevelOptions>(builder.Configuration.GetSection("ServiceLevels"));
        builder.Services.AddWarningRule(builder.Configuration);
        builder.Services.AddHostedService<OverdueScanner>();
        builder.Services.AddGaugeSample<OverdueIntentsGauge>();
    }
}
