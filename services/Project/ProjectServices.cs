using System.Diagnostics;
using MassTransit;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Project.Kpis;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Warnings;

namespace Zhaoshang.Project;

public static class ProjectTelemetry
{
    public const string SourceName = "Zhaoshang.Project";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class ProjectServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "project", x =>
        {
            x.AddConsumer<CooperationIntentConvertedConsumer, CooperationIntentConvertedConsumerDefinition>();
            x.AddConsumer<ApprovalCaseOpenedConsumer, ApprovalCaseOpenedConsumerDefinition>();
            x.AddConsumer<FundingLedgerOpenedConsumer, FundingLedgerOpenedConsumerDefinition>();
            x.AddConsumer<PreLandApprovalsCompletedConsumer, PreLandApprovalsCompletedConsumerDefinition>();
            x.AddConsumer<ConstructionPermitIssuedConsumer, ConstructionPermitIssuedConsumerDefinition>();
            x.AddConsumer<ApprovalItemReturnedConsumer, ApprovalItemReturnedConsumerDefinition>();
            x.AddConsumer<ApprovalItemRejectedConsumer, ApprovalItemRejectedConsumerDefinition>();
            x.AddConsumer<FundsVerifiedConsumer, FundsVerifiedConsumerDefinition>();
            x.AddConsumer<ApprovalItemGrantedConsumer, ApprovalItemGrantedConsumerDefinition>();
        });
        builder.Services.AddBureauDictionaries();
        builder.Services.Configure<KpiOptions>(builder.Configuration.GetSection("Kpis"));
        builder.Services.AddGaugeSample<ProjectsPerStateGauge>();
        builder.Services.AddWarningRule(builder.Configuration);
        builder.Services.Configure<NodeScanOptions>(builder.Configuration.GetSection(NodeScanOptions.Section));
        builder.Services.AddHostedService<NodeScanner>();
    }
}
