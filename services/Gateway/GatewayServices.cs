using Zhaoshang.Gateway.Reference;
using Zhaoshang.Gateway.Routing;

namespace Zhaoshang.Gateway;

internal static class GatewayServices
{
    /// <summary>YARP's own trace source: its forwarding span, the parent of the service's.</summary>
    public const string ProxySource = "Yarp.ReverseProxy";

    public static void AddGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.Configure<GatewayOptions>(section);
        var options = section.Get<GatewayOptions>() ?? new();
        builder.Services.AddReverseProxy().LoadFromMemory(ServiceRoutes.Routes(), ServiceRoutes.Clusters(options));
        builder.Services.AddResponseCompression();
        builder.Services.AddHttpClient(ApiReference.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
    }
}
