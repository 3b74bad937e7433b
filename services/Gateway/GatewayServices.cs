using Zhaoshang.Gateway.Reference;
using Zhaoshang.Gateway.Routing;
using Zhaoshang.Platform.Attachments;

namespace Zhaoshang.Gateway;

internal static class GatewayServices
{
    /// <summary>YARP's own trace source: its forwarding span is exported with the gateway's request and client spans.</summary>
    public const string ProxySource = "Yarp.ReverseProxy";

    public static void AddGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.Configure<GatewayOptions>(section);
        var options = section.Get<GatewayOptions>() ?? new();
        // The services' own key: the gateway lets an upload through that the service accepts.
        var attachments = builder.Configuration.GetSection(AttachmentOptions.Section).Get<AttachmentOptions>() ?? new();
        builder.Services.AddReverseProxy().LoadFromMemory(ServiceRoutes.Routes(attachments), ServiceRoutes.Clusters(options));
        builder.Services.AddResponseCompression();
        builder.Services.AddHttpClient(ApiReference.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
    }
}
