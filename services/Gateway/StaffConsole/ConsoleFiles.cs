using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Zhaoshang.Gateway.StaffConsole;

/// <summary>
/// The console's production build at <c>/</c>. A GET for a page of the console (<c>/projects/&lt;id&gt;</c>,
/// <c>/signin-callback</c>) gets <c>index.html</c>, so a reload works; the gateway's own paths never do: an unknown
/// <c>/api</c>, <c>/openapi</c> or <c>/health</c> path is a 404 ProblemDetails.
/// </summary>
internal static class ConsoleFiles
{
    /// <summary>Vite names these by their content's hash: a changed file is a new name.</summary>
    private const string HashedAssets = "/assets";

    private static readonly string[] GatewayPaths = ["/api", "/openapi", "/health"];

    public static WebApplication MapConsole(this WebApplication app)
    {
        foreach (var path in GatewayPaths)
            app.MapFallback(path + "/{**rest}", NotFound);

        var root = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.ConsoleRoot;
        if (string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No console build at Gateway:ConsoleRoot '{ConsoleRoot}'; the gateway serves the APIs only.", root);
            app.MapFallback(NoConsole);
            return app;
        }

        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(root)),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments(HashedAssets) ? "public, max-age=31536000, immutable" : "no-cache",
        };
        app.UseStaticFiles(files);
        app.MapFallbackToFile("index.html", files).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    private static IResult NotFound(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        detail: $"No service answers {request.Path}; the API reference is at /api/reference.");

    private static IResult NoConsole() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The console is not built.",
        detail: "Build it (deploy/local/run.sh does) and set Gateway:ConsoleRoot to its folder.");
}
