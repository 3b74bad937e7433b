using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zhaoshang.Platform.Observability;

/// <summary>
/// Tags a request on a project's routes (<c>/api/projects/{id}/…</c>, <c>{projectId}</c>) with its project id, by the
/// route value, for its span, the spans under it and its log lines. Requests that create or find a project otherwise
/// (a conversion) tag themselves where the id is known.
/// </summary>
internal static class ProjectIdMiddleware
{
    public static IApplicationBuilder UseProjectIdTag(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Zhaoshang.Project");
        return app.Use(async (context, next) =>
        {
            using var scope = ProjectIdOf(context) is { } projectId ? ProjectTag.Apply(logger, projectId) : null;
            await next(context);
        });
    }

    private static Guid? ProjectIdOf(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.RoutePattern.RawText?.Contains("projects/{", StringComparison.Ordinal) != true)
            return null;
        var value = context.GetRouteValue("projectId") ?? context.GetRouteValue("id");
        return Guid.TryParse(value?.ToString(), out var id) ? id : null;
    }
}
