using System.Diagnostics;

namespace Zhaoshang.Identity;

public static class IdentityTelemetry
{
    public const string SourceName = "Zhaoshang.Identity";
    public static readonly ActivitySource Source = new(SourceName);
}
