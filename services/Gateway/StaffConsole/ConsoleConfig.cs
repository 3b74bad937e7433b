using Microsoft.Extensions.Options;

namespace Zhaoshang.Gateway.StaffConsole;

/// <summary><c>GET /config.json</c>: read by the console at start, so one build runs against any provider.</summary>
internal static class ConsoleConfig
{
    public sealed record Settings(string Authority, string ClientId, string Scope);

    public static WebApplication MapConsoleConfig(this WebApplication app)
    {
        app.MapGet("/config.json", GetSettings).ExcludeFromDescription();
        return app;
    }

    private static IResult GetSettings(IOptions<GatewayOptions> options, HttpResponse response)
    {
        var console = options.Value.Console;
        // A changed provider reaches the next page load.
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new Settings(console.Authority.ToString(), console.ClientId, console.Scope));
    }
}
