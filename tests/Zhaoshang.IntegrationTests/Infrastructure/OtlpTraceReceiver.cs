using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal OTLP/HTTP collector: the services export their spans, metrics and logs here exactly as they would to the
/// Aspire Dashboard or an OpenTelemetry Collector, and tests look at what arrived.
/// </summary>
internal sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly ConcurrentBag<ReceivedSpan> _spans = [];
    private readonly ConcurrentQueue<ReceivedMetric> _metrics = new();
    private readonly ConcurrentBag<ReceivedLog> _logs = [];
    private WebApplication? _app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    /// <summary>Every data point received, in the order the exports arrived (the last of a series is its latest value).</summary>
    public IReadOnlyCollection<ReceivedMetric> Metrics => _metrics;

    public IReadOnlyCollection<ReceivedLog> Logs => _logs;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/traces", Receive(OtlpTraceDecoder.Decode, _spans.Add));
        _app.MapPost("/v1/metrics", Receive(OtlpTraceDecoder.DecodeMetrics, _metrics.Enqueue));
        _app.MapPost("/v1/logs", Receive(OtlpTraceDecoder.DecodeLogs, _logs.Add));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address);
    }

    private static Func<HttpRequest, Task<IResult>> Receive<T>(Func<byte[], IEnumerable<T>> decode, Action<T> keep) =>
        async request =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            foreach (var item in decode(buffer.ToArray()))
                keep(item);
            return Results.Bytes([], "application/x-protobuf");
        };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}

internal sealed record ReceivedSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// One data point: a counter's or gauge's value, or a histogram's count, with its exemplars. Instance tells the
/// processes of a service apart (a restarted one counts from 0 again).
/// </summary>
internal sealed record ReceivedMetric(
    string Service, string Instance, string Name, IReadOnlyDictionary<string, string> Attributes, double Value, IReadOnlyList<ReceivedExemplar> Exemplars);

/// <summary>A measurement kept with the trace it was taken in, and the attributes left off its series.</summary>
internal sealed record ReceivedExemplar(string TraceId, IReadOnlyDictionary<string, string> FilteredAttributes);

internal sealed record ReceivedLog(
    string Service, string TraceId, string SpanId, string Body, IReadOnlyDictionary<string, string> Attributes);
