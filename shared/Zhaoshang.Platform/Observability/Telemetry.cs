using System.Diagnostics;

namespace Zhaoshang.Platform.Observability;

/// <summary>The platform library's own trace source (outbox relay, inbox).</summary>
public static class PlatformTelemetry
{
    public const string SourceName = "Zhaoshang.Platform";
    public static readonly ActivitySource Source = new(SourceName);
}
