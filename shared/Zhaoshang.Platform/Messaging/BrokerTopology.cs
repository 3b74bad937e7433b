using MassTransit;
using RabbitMQ.Client;
using Zhaoshang.Contracts;

namespace Zhaoshang.Platform.Messaging;

/// <summary>Who receives a contract: the services that consume it, and whether the approval systems do.</summary>
public sealed record MessageRoute(Type Message, string[] Services, bool ToApprovalSystems = false)
{
    /// <summary>
    /// Published mandatory: a message someone must receive is returned by the broker when no queue is bound, instead of
    /// being dropped. An announcement nobody here consumes (an overdue notice) is published for whoever binds to it.
    /// </summary>
    public bool Mandatory => Services.Length > 0 || ToApprovalSystems;
}

/// <summary>
/// The broker topology of the whole system, declared by every service before its relay publishes anything: each
/// contract's exchange, each consuming service's queue, and one queue per configured approval system for submissions.
/// A message published before its consumer first started waits in that consumer's queue. The shape is MassTransit's own
/// (a fanout exchange per contract, bound to a fanout exchange named like the queue, bound to the queue; all durable,
/// no arguments), so the consumers' own declarations agree with it. A service that adds a consumer adds it here
/// (<c>BrokerTopologyTests</c> compares this map with the consumers each service registers).
/// </summary>
public sealed class BrokerTopology(IReadOnlyList<MessageRoute> routes, IReadOnlyList<string> approvalSystems)
{
    public static readonly IReadOnlyList<MessageRoute> Routes =
    [
        new(typeof(CooperationIntentConverted), ["project"]),
        new(typeof(CooperationIntentTransferred), []),
        new(typeof(CooperationIntentOverdue), []),
        new(typeof(ProjectOpened), ["lead"]),
        new(typeof(ProjectSigned), ["approval", "funding"]),
        new(typeof(ProjectLandAcquired), ["approval"]),
        new(typeof(ProjectStateChanged), ["funding"]),
        new(typeof(ProjectTransferred), ["approval", "funding"]),
        new(typeof(ParkRenamed), ["approval", "funding"]),
        new(typeof(ApprovalCaseOpened), ["project"]),
        new(typeof(PreLandApprovalsCompleted), ["project"]),
        new(typeof(ConstructionPermitIssued), ["project"]),
        new(typeof(ApprovalItemReturned), ["project"]),
        new(typeof(ApprovalItemRejected), ["project"]),
        new(typeof(ApprovalItemOverdue), []),
        new(typeof(ApprovalSubmissionRequested), [], ToApprovalSystems: true),
        new(typeof(ApprovalDecisionReported), ["approval"]),
        new(typeof(FundingLedgerOpened), ["project"]),
        new(typeof(FundsVerified), ["project"]),
    ];

    private readonly Dictionary<Type, MessageRoute> _byMessage = routes.ToDictionary(r => r.Message);

    public IReadOnlyList<MessageRoute> MessageRoutes => routes;

    /// <summary>A contract missing from the map is published mandatory: if nobody receives it, the relay says so.</summary>
    public bool IsMandatory(Type message) => !_byMessage.TryGetValue(message, out var route) || route.Mandatory;

    /// <summary>The exchange MassTransit publishes a contract to: <c>Zhaoshang.Contracts:ProjectSigned</c>.</summary>
    public static string ExchangeOf(Type message) => $"{message.Namespace}:{message.Name}";

    /// <summary>The queue MassTransit's kebab-case formatter gives a service's consumer of a contract: <c>approval-project-signed</c>.</summary>
    public static string QueueOf(string service, Type message) =>
        KebabCaseEndpointNameFormatter.Instance.SanitizeName(service + message.Name);

    /// <summary>An approval system's submission queue: <c>approval-system-tzxm</c>.</summary>
    public static string ApprovalSystemQueue(string system) => $"approval-system-{system}";

    /// <summary>Every queue of the map, each with the exchange it receives from.</summary>
    public IEnumerable<(string Exchange, string Queue)> Queues() =>
        from route in routes
        from queue in route.Services.Select(s => QueueOf(s, route.Message))
            .Concat(route.ToApprovalSystems ? approvalSystems.Select(ApprovalSystemQueue) : [])
        select (ExchangeOf(route.Message), queue);

    /// <summary>Declares everything; idempotent, and what exists already is left as it is.</summary>
    public async Task DeclareAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
            ClientProvidedName = "zhaoshang-topology",
        }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var route in routes)
            await channel.ExchangeDeclareAsync(ExchangeOf(route.Message), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var (exchange, queue) in Queues())
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
        }
    }
}
