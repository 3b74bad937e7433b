using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Tags the consumption of every message about a project (each contract carrying a <c>ProjectId</c>) with the project
/// id: the consume span, the spans and log lines under it.
/// </summary>
internal sealed class ProjectIdConsumeFilter<TMessage>(ILoggerFactory loggers) : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    private static readonly PropertyInfo? ProjectIdProperty = typeof(TMessage).GetProperty("ProjectId") is { } p
        && p.PropertyType == typeof(Guid) ? p : null;

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        using var scope = ProjectIdProperty?.GetValue(context.Message) is Guid projectId
            ? ProjectTag.Apply(loggers.CreateLogger("Zhaoshang.Platform.Observability"), projectId)
            : null;
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("projectId");
}
