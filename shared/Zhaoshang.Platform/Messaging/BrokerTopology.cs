using MassTransit;
using System.Text.RegularExpressions;
using RabbitMQ.Client;
using Zhaoshang.Contracts;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Who sends a contract and who receives it: the publishing service (or <see cref="BrokerTopology.ApprovalSystems"/>), the
/// services that consume it, and whether the approval systems do. The broker users' permissions are derived from it.
/// </summary>
public sealed record MessageRoute(Type Message, string[] Publishers, string[] Services, bool ToApprovalSystems = false)
{
    /// <summary>A contract one service publishes, as most are.</summary>
    public MessageRoute(Type message, string publisher, string[] services, bool ToApprovalSystems = false)
        : this(message, [publisher], services, ToApprovalSystems)
    {
    }

    /// <summary>
    /// Published mandatory: a message someone must receive is returned by the broker when no queue is bound, instead of
    /// being dropped. An announcement nobody here consumes (an intent's transfer) is published for whoever binds to it.
    /// </summary>
    public bool Mandatory => Services.Length > 0 || ToApprovalSystems;
}

/// <summary>
/// The broker topology of the whole system, declared by provisioning (<c>tools/Zhaoshang.BrokerSetup</c>, run by infra.sh
/// and docker-compose) with an administrator's account, since no service may configure another's queues: each
/// contract's exchange, each consuming service's queue, and one queue per configured approval system for submissions.
/// A message published before its consumer first started waits in that consumer's queue. The shape is MassTransit's own
/// (a fanout exchange per contract, bound to a fanout exchange named like the queue, bound to the queue; all durable),
/// and every queue is a quorum queue (<see cref="QueueArguments"/>), as the services' own declarations state it too
/// (<c>MessagingExtensions</c>): RabbitMQ refuses a declaration whose arguments differ from the queue's. A service that adds a consumer adds it here
/// (<c>BrokerTopologyTests</c> compares this map with the consumers each service registers).
/// </summary>
public sealed class BrokerTopology(IReadOnlyList<MessageRoute> routes, IReadOnlyList<string> approvalSystems)
{
    /// <summary>The publisher of what the approval systems send.</summary>
    public const string ApprovalSystems = "approval-systems";

    public static readonly IReadOnlyList<MessageRoute> Routes =
    [
        new(typeof(CooperationIntentConverted), "lead", ["project"]),
        new(typeof(CooperationIntentTransferred), "lead", []),
        new(typeof(CooperationIntentOverdue), "lead", ["notification"]),
        new(typeof(ProjectOpened), "project", ["lead"]),
        new(typeof(ProjectSigned), "project", ["approval", "funding"]),
        new(typeof(ProjectLandAcquired), "project", ["approval"]),
        new(typeof(ProjectStateChanged), "project", ["funding"]),
        new(typeof(ProjectTransferred), "project", ["approval", "funding"]),
        new(typeof(ParkRenamed), "project", ["approval", "funding"]),
        new(typeof(ApprovalCaseOpened), "approval", ["project"]),
        new(typeof(PreLandApprovalsCompleted), "approval", ["project"]),
        new(typeof(ConstructionPermitIssued), "approval", ["project"]),
        new(typeof(ApprovalItemReturned), "approval", ["project"]),
        new(typeof(ApprovalItemRejected), "approval", ["project"]),
        new(typeof(ApprovalItemOverdue), "approval", ["notification"]),
        new(typeof(ApprovalItemGranted), "approval", ["project"]),
        new(typeof(ApprovalSubmissionRequested), "approval", [], ToApprovalSystems: true),
        new(typeof(ApprovalDecisionReported), ApprovalSystems, ["approval"]),
        new(typeof(FundingLedgerOpened), "funding", ["project"]),
        new(typeof(FundsVerified), "funding", ["project"]),
        // Every service that grades a deadline raises its warnings with the one contract; the notification service delivers them.
        new(typeof(WarningRaised), ["lead", "project", "approval"], ["notification"]),
        new(typeof(WarningCleared), ["lead", "project", "approval"], ["notification"]),
        new(typeof(ReminderDue), ["lead", "project"], ["notification"]),
        // The project service owns the working calendar; every other service counts working days from its own copy.
        new(typeof(WorkingCalendarChanged), "project", ["lead", "approval", "funding", "notification"]),
        // The project service owns the dictionaries; lead (intents' industries, enterprises' regions) and funding
        // (sectors of its shares) keep a copy.
        new(typeof(DictionariesChanged), "project", ["lead", "funding"]),
    ];

    /// <summary>Every service that publishes or consumes something: lead, project, approval, funding, notification.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } =
        Routes.SelectMany(r => r.Services.Concat(r.Publishers)).Where(s => s != ApprovalSystems).Distinct().Order().ToArray();

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

    /// <summary>
    /// The arguments of every queue here: quorum queues, replicated to a majority of the cluster's nodes, so that losing
    /// one node of three loses no message and stops no consumer. A queue cannot change its type in place (README
    /// "Quorum queues" says how an installation migrates).
    /// </summary>
    public static IDictionary<string, object?> QueueArguments => new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };

    /// <summary>Where a service queue's messages go when they fail for good, or when no consumer there takes them.</summary>
    public static readonly string[] SetAsideSuffixes = ["_error", "_skipped"];

    /// <summary>Every queue of the map, each with the exchange it receives from.</summary>
    public IEnumerable<(string Exchange, string Queue)> Queues() =>
        from route in routes
        from queue in route.Services.Select(s => QueueOf(s, route.Message))
            .Concat(route.ToApprovalSystems ? approvalSystems.Select(ApprovalSystemQueue) : [])
        select (ExchangeOf(route.Message), queue);

    /// <summary>
    /// What a service's broker user may do, derived from the map so it cannot drift: configure (declare) only its own
    /// consumers' queues and the exchanges MassTransit names like them, and the exchanges of what it publishes; write to
    /// those and to its queues' <c>_error</c> and <c>_skipped</c> exchanges; read only its own queues. The bindings from
    /// the contracts' exchanges to its queues and the <c>_error</c>/<c>_skipped</c> queues are made by provisioning.
    /// </summary>
    public static BrokerPermission ServicePermission(string service, string user)
    {
        var published = Routes.Where(r => r.Publishers.Contains(service)).Select(r => Regex.Escape(ExchangeOf(r.Message))).ToArray();
        var queues = Routes.Where(r => r.Services.Contains(service)).Select(r => Regex.Escape(QueueOf(service, r.Message))).ToArray();
        var own = queues.Length == 0 ? null : $"({string.Join('|', queues)})";
        return new BrokerPermission(user,
            Pattern(published.Append(own)),
            Pattern(published.Append(own is null ? null : own + "(_error|_skipped)?")),
            Pattern([own]));
    }

    /// <summary>An approval system's user: publishes its decisions, reads its own submission queue, declares nothing.</summary>
    public static BrokerPermission ApprovalSystemPermission(string system, string user) => new(user,
        "^$",
        Pattern(Routes.Where(r => r.Publishers.Contains(ApprovalSystems)).Select(r => Regex.Escape(ExchangeOf(r.Message)))),
        Pattern([Regex.Escape(ApprovalSystemQueue(system))]));

    /// <summary>Every application user's permissions in one environment (its users named by <paramref name="identities"/>).</summary>
    public IEnumerable<BrokerPermission> Permissions(BrokerIdentities identities) =>
        ServiceNames.Select(s => ServicePermission(s, identities.ServiceUser(s)))
            .Concat(approvalSystems.Select(s => ApprovalSystemPermission(s, identities.SystemUser(s))));

    private static string Pattern(IEnumerable<string?> alternatives)
    {
        var names = alternatives.OfType<string>().ToArray();
        return names.Length == 0 ? "^$" : $"^({string.Join('|', names)})$";
    }

    /// <summary>
    /// Declares everything, each service queue's <c>_error</c> and <c>_skipped</c> queues too, with an account that may
    /// (provisioning's administrator); idempotent, and what exists already is left as it is.
    /// </summary>
    public async Task DeclareAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await options.ConnectAsync("zhaoshang-topology", null, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var route in routes)
            await channel.ExchangeDeclareAsync(ExchangeOf(route.Message), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var (exchange, queue) in Queues())
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueArguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
        }

        var serviceQueues = routes.SelectMany(r => r.Services.Select(s => QueueOf(s, r.Message)));
        foreach (var setAside in serviceQueues.SelectMany(q => SetAsideSuffixes.Select(suffix => q + suffix)))
        {
            await channel.ExchangeDeclareAsync(setAside, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(setAside, durable: true, exclusive: false, autoDelete: false, QueueArguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(setAside, setAside, "", cancellationToken: cancellationToken);
        }
    }
}

/// <summary>One user's permissions on the environment's vhost, as RabbitMQ takes them: three regular expressions.</summary>
public sealed record BrokerPermission(string User, string Configure, string Write, string Read);
