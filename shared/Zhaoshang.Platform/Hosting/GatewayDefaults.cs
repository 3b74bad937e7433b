using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// The lighter variant of <see cref="ServiceDefaults"/> for a process that keeps no data and reads no queue (the
/// gateway): the same shutdown time, ProblemDetails, health and telemetry, without a database, a broker or tokens of its
/// own to check.
/// </summary>
public static class GatewayDefaults
{
    public static WebApplicationBuilder AddGatewayDefaults(this WebApplicationBuilder builder, string serviceName, string serviceSource)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.AddZhaoshangTelemetry(serviceName, serviceSource);
        return builder;
    }

    /// <summary>Error handling and <c>/health/live</c>, <c>/health/ready</c>: up is ready, the services have their own.</summary>
    public static WebApplication MapGatewayDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var health = new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync };
        app.MapHealthChecks("/health/live", health);
        app.MapHealthChecks("/health/ready", health);
        return app;
    }
}
