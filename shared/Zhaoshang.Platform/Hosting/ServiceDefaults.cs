using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Auditing;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Idempotency;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Hosting;

public static class ServiceDefaults
{
    /// <summary>
    /// What every service has: ProblemDetails, strict JSON bodies with a size limit, health, OpenAPI, tracing and its own
    /// database.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, string serviceSource)
    {
        // SIGTERM stops the host gracefully: Kestrel finishes its requests, then the hosted services stop in reverse
        // order of registration (the outbox relay before the bus, so a claimed batch is published or left unsent;
        // the bus lets its consumers finish or returns their messages). stop.sh and docker stop kill 10 s after
        // SIGTERM, so the whole stop is cut at 8 s, leaving room for the process to exit on its own.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.RefuseDevelopmentSecrets();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only: a number would let an undefined value (say 999) through to the database.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(StorableText.RefuseUnstorable);
            // A misspelt field (say "verison") is refused with 400 rather than silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        var bodyLimit = builder.AddRequestBodyLimit();
        builder.Services.AddHealthChecks();
        if (ShiftableClock.IsEnabled(builder.Configuration))
            builder.Services.AddSingleton<ShiftableClock>().AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ShiftableClock>());
        else
            builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWorkCalendar();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(new ApiDocumentTransformer(serviceName, bodyLimit));
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<AllowedRolesTransformer>();
            o.AddOperationTransformer<RateLimitedTransformer>();
            o.AddOperationTransformer(new ProblemResponsesTransformer(bodyLimit));
        });
        builder.Services.AddZhaoshangSecurity(builder.Configuration);
        builder.AddZhaoshangTelemetry(serviceName, serviceSource);
        builder.Services.AddZhaoshangDatabase(builder.Configuration);
        builder.AddIdempotentCreates();
        builder.Services.AddAttachments(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Error handling, authentication, <c>/health/live</c>, <c>/health/ready</c>, <c>/openapi/v1.json</c> and its UI at
    /// <c>/swagger</c> (those four anonymous), the service's audit trail and its outbox's dead letters.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseProjectIdTag();
        // The Swagger UI is static pages, served before authorization: the fallback policy (a token for everything) would
        // otherwise refuse them, as it refuses any path without an endpoint.
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", app.Environment.ApplicationName));
        app.UseStorableQueryText();
        app.UseAuthentication();
        // Checks an approval system's signature (reading its body up to the limit) and charges the system's bucket, or
        // the client's for a request that fails the check; authorization then reuses the result.
        app.UseApprovalSystemRateLimit();
        app.UseAuthorization();
        // Refused requests were turned away above without waiting; admitted changes wait for a slot, reads never do.
        app.UseChangeAdmission();
        // Only now is a body read: nobody without a valid token or signature gets one buffered.
        app.UseRequestBodyLimit();
        app.UseIdempotentCreates();
        // Liveness: only what a restart mends (a stuck bus). Readiness: what the HTTP API needs (its database); the
        // broker and the bus show there as degraded at most, still 200, since the outbox keeps staff's changes until
        // the broker is back.
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("live"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAuditApi();
        app.MapDeadLettersApi();
        if (app.Services.GetService<ShiftableClock>() is { } clock)
            ShiftableClock.MapShiftableClock(app, clock);
        return app;
    }

    /// <summary>Applies the platform's and the service's migrations, loads the working calendar (and the dictionaries, in the services that keep them), then runs until shut down.</summary>
    public static async Task RunServiceAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        await MigrationRunner.MigrateAsync(
            app.Services.GetRequiredService<NpgsqlDataSource>(),
            [("platform", typeof(ServiceDefaults).Assembly), ("service", Assembly.GetEntryAssembly()!)],
            logger,
            app.Lifetime.ApplicationStopping);
        // Deadlines are counted from the first request and message on, so the calendar is there before either.
        await app.Services.GetRequiredService<WorkingCalendarRefresh>().LoadAsync(app.Lifetime.ApplicationStopping);
        if (app.Services.GetService<DictionariesRefresh>() is { } dictionaries)
            await dictionaries.LoadAsync(app.Lifetime.ApplicationStopping);
        await app.RunAsync();
    }
}
