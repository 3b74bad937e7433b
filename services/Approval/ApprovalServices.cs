using System.Diagnostics;
using MassTransit;
using Zhaoshang.Approval.Cases;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Approval;

public static class ApprovalTelemetry
{
    public const string SourceName = "Zhaoshang.Approval";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class ApprovalServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder) =>
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "approval", x =>
            x.AddConsumer<ProjectSignedConsumer, ProjectSignedConsumerDefinition>());
}
