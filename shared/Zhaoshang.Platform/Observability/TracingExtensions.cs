using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Zhaoshang.Platform.Observability;

public static class TracingExtensions
{
    /// <summary>Sources every service listens to besides its own.</summary>
    public static readonly string[] CommonSources =
        [PlatformTelemetry.SourceName, "MassTransit", "Npgsql", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>
    /// Registers the OpenTelemetry SDK's TracerProvider directly: OpenTelemetry.Extensions.Hosting is not in
    /// the package registry here, so a small hosted service builds it at start and flushes it at stop.
    /// Swap to AddOpenTelemetry().WithTracing(...) when that package becomes available.
    /// </summary>
    public static IServiceCollection AddZhaoshangTracing(
        this IServiceCollection services, IConfiguration configuration, string serviceName, string serviceSource)
    {
        services.AddSingleton(_ =>
        {
            var builder = Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(r => r.AddService($"zhaoshang-{serviceName}"))
                .AddSource(serviceSource)
                .AddSource(CommonSources);
            if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                builder.AddOtlpExporter();
            return builder.Build();
        });
        services.AddHostedService<TracerProviderLifetime>();
        return services;
    }

    private sealed class TracerProviderLifetime(TracerProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            // Stopped last; the flush blocks, so it is kept short and skipped once the host's shutdown time is spent:
            // losing the last spans beats being killed.
            if (!cancellationToken.IsCancellationRequested)
                provider.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}
