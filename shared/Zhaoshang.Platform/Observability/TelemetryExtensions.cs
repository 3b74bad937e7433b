using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Zhaoshang.Platform.Observability;

public static class TelemetryExtensions
{
    /// <summary>
    /// The attributes that make a series of the request duration: ASP.NET Core's own. Any other (the project id) is left
    /// off the series and kept on its exemplars.
    /// </summary>
    private static readonly string[] RequestDurationSeries =
    [
        "http.route", "http.request.method", "http.response.status_code", "url.scheme", "network.protocol.version", "error.type",
    ];

    /// <summary>
    /// Traces, metrics and logs through the OpenTelemetry SDK: ASP.NET Core, HttpClient, Npgsql (SQL spans, pool
    /// metrics), MassTransit's own source and meter, the .NET runtime, and the platform's and the service's sources and
    /// <see cref="OperationalMetrics"/>. Logs keep their scopes (the project id) and the trace and span of their request
    /// or message. Traces and metrics exist only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter reads the
    /// other <c>OTEL_EXPORTER_OTLP_*</c> and <c>OTEL_METRIC_EXPORT_INTERVAL</c> settings itself.
    /// </summary>
    public static WebApplicationBuilder AddZhaoshangTelemetry(this WebApplicationBuilder builder, string serviceName, string serviceSource)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService($"zhaoshang-{serviceName}"))
            .WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        // Spans and metric streams cost every request and message CPU (the benchmark measured it); with nowhere to
        // export them nobody reads them, so none are built.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(t => t
                    .AddSource(serviceSource, PlatformTelemetry.SourceName, "MassTransit")
                    // Health probes, every few seconds from an orchestrator, would be most of the traces and say nothing.
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddProcessor<ProjectIdProcessor>())
                .WithMetrics(m => m
                    .AddMeter(OperationalMetrics.MeterName, "MassTransit")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddView("http.server.request.duration", new MetricStreamConfiguration { TagKeys = RequestDurationSeries })
                    // A measurement taken inside a sampled trace keeps that trace as its exemplar, so a slow request's
                    // histogram bucket leads to its trace, and the trace to its project.
                    .SetExemplarFilter(ExemplarFilterType.TraceBased))
                .UseOtlpExporter();
            builder.Services.AddHostedService<TelemetryFlush>();
        }

        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.SampleInterval > TimeSpan.Zero, "Telemetry:SampleInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<GaugeSampler>();
        return builder;
    }

    /// <summary>A gauge read in the background with the others (<see cref="GaugeSampler"/>).</summary>
    public static IServiceCollection AddGaugeSample<TSample>(this IServiceCollection services) where TSample : class, IGaugeSample =>
        services.AddSingleton<IGaugeSample, TSample>();
}
