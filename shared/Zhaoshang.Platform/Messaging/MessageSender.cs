using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Who sent a message, as RabbitMQ validated it: the AMQP <c>user_id</c> property, which the broker refuses unless it is
/// the publishing connection's own user. Null when the publisher set none, which no service does.
/// </summary>
public sealed record MessageSender(string? UserId, bool IsService, string? ApprovalSystem)
{
    public static MessageSender Of(ConsumeContext context)
    {
        var userId = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null;
        var identities = context.TryGetPayload<IServiceProvider>(out var services)
            ? services.GetRequiredService<BrokerIdentities>()
            : throw new InvalidOperationException("The consume context has no service provider to find the broker identities in.");
        return new MessageSender(userId, identities.IsService(userId), identities.SystemOf(userId));
    }

    /// <summary>
    /// The user a change is audited as: a service carries the acting user in the header; an approval system acts as
    /// itself whatever its header says; anyone else as the system.
    /// </summary>
    public Actor Actor(string? actorHeader) =>
        IsService ? ActorHeader.Read(actorHeader)
        : ApprovalSystem is not null ? new Actor(ApprovalSystem, Roles.ApprovalSystem)
        : Security.Actor.System;
}
