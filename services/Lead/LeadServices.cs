using System.Diagnostics;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Lead;

public static class LeadTelemetry
{
    public const string SourceName = "Zhaoshang.Lead";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class LeadServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder) =>
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "lead", _ => { });
}
