using System.Diagnostics;
using MassTransit;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Approval.Integrations;
using Zhaoshang.Approval.Parks;
using Zhaoshang.Approval.WorkingCalendar;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Approval;

public static class ApprovalTelemetry
{
    public const string SourceName = "Zhaoshang.Approval";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class ApprovalServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "approval", x =>
        {
            x.AddConsumer<ProjectSignedConsumer, ProjectSignedConsumerDefinition>();
            x.AddConsumer<ProjectLandAcquiredConsumer, ProjectLandAcquiredConsumerDefinition>();
            x.AddConsumer<ApprovalDecisionReportedConsumer, ApprovalDecisionReportedConsumerDefinition>();
            x.AddConsumer<ProjectTransferredConsumer, ProjectTransferredConsumerDefinition>();
            x.AddConsumer<ParkRenamedConsumer, ParkRenamedConsumerDefinition>();
            x.AddConsumer<WorkingCalendarChangedConsumer, WorkingCalendarChangedConsumerDefinition>();
        });
        var configured = builder.Configuration.GetSection("ApprovalCatalogue:Items").Get<CatalogueItem[]>();
        var catalogue = configured is { Length: > 0 } ? new ApprovalCatalogue(configured) : ApprovalCatalogue.Default;
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddSingleton(ApprovalSystemItems.From(builder.Configuration, catalogue));
        builder.Services.Configure<ApprovalScanOptions>(builder.Configuration.GetSection("ApprovalScan"));
        builder.Services.AddWarningRule(builder.Configuration);
        builder.Services.AddHostedService<ApprovalScanner>();
        builder.Services.AddGaugeSample<OverdueItemsGauge>();
    }
}
