using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Zhaoshang.Platform.Observability;

/// <summary>
/// Marks work about one project: its span and every span started under it carry <see cref="Name"/> (through Activity
/// baggage and <see cref="ProjectIdProcessor"/>), and so do the log records written in the returned scope. An operator
/// finds every trace and log line of a project by that one attribute, across the four services.
/// </summary>
public static class ProjectTag
{
    public const string Name = "zhaoshang.project.id";

    public static IDisposable? Apply(ILogger logger, Guid projectId)
    {
        var id = projectId.ToString();
        Activity.Current?.SetTag(Name, id).SetBaggage(Name, id);
        return logger.BeginScope(new KeyValuePair<string, object>[] { new(Name, id) });
    }
}

/// <summary>Copies the project id a parent span carries (as baggage) onto each span started under it: SQL, publishes, HTTP calls.</summary>
internal sealed class ProjectIdProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.GetBaggageItem(ProjectTag.Name) is { } projectId)
            data.SetTag(ProjectTag.Name, projectId);
    }
}
