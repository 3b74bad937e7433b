using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Zhaoshang.Platform.Observability");
        return app.Use(async (context, next) =>
        {
            if (ProjectIdOf(context) is not { } projectId)
            {
                await next(context);
                return;
            }

            using var scope = ProjectTag.Apply(logger, projectId);
            // On the request's duration too, where the metric view drops it from the series (one per project would
            // be unbounded) and keeps it on the exemplar.
            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(ProjectTag.Name, projectId.ToString()));
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
