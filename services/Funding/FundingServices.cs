using System.Diagnostics;
using MassTransit;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Dictionaries;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Parks;
using Zhaoshang.Funding.WorkingCalendar;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding;

public static class FundingTelemetry
{
    public const string SourceName = "Zhaoshang.Funding";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class FundingServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "funding", x =>
        {
            x.AddConsumer<ProjectSignedConsumer, ProjectSignedConsumerDefinition>();
            x.AddConsumer<ProjectStateChangedConsumer, ProjectStateChangedConsumerDefinition>();
            x.AddConsumer<ProjectTransferredConsumer, ProjectTransferredConsumerDefinition>();
            x.AddConsumer<ParkRenamedConsumer, ParkRenamedConsumerDefinition>();
            x.AddConsumer<WorkingCalendarChangedConsumer, WorkingCalendarChangedConsumerDefinition>();
            x.AddConsumer<DictionariesChangedConsumer, DictionariesChangedConsumerDefinition>();
        });
        builder.Services.AddBureauDictionaries();
    }
}
