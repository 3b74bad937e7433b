using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// The secrets of the local development run are public (they are in the repository, in deploy/local/dev.env): a service
/// outside the Development environment refuses to start with any of them, whichever key holds it.
/// </summary>
public static class DevelopmentSecrets
{
    /// <summary>Every secret in deploy/local/dev.env (a unit test keeps the two in step).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "zhaoshang-local-cli-secret-not-for-production",
        "zhaoshang-local-demo-password",
        "zhaoshang-local-tzxm-webhook-secret-not-for-production",
    };

    /// <summary>The configuration keys that hold a development secret, in order.</summary>
    public static IReadOnlyList<string> FoundIn(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(e => e.Value is not null && Known.Contains(e.Value)).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Throws, naming the keys (never the values), when a service outside Development has a development secret.</summary>
    public static void RefuseDevelopmentSecrets(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || FoundIn(builder.Configuration) is not { Count: > 0 } found)
            return;
        throw new InvalidOperationException(
            $"{string.Join(", ", found)} {(found.Count == 1 ? "holds a development secret" : "hold development secrets")} from deploy/local/dev.env, "
            + $"which are public; the {builder.Environment.EnvironmentName} environment needs its own. Configure real secrets through the "
            + "environment, or run with ASPNETCORE_ENVIRONMENT=Development on a developer's machine.");
    }
}
