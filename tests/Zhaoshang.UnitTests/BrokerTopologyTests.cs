using System.Reflection;
using MassTransit;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests;

/// <summary>
/// The topology every service declares must be the one the consumers use: each service's consumers, by the queue names
/// MassTransit gives them, and every contract, so none is published without the relay knowing who must receive it.
/// </summary>
public class BrokerTopologyTests
{
    private static readonly Assembly[] Services =
    [
        typeof(Zhaoshang.Lead.LeadTelemetry).Assembly, typeof(Zhaoshang.Project.ProjectTelemetry).Assembly,
        typeof(Zhaoshang.Approval.ApprovalTelemetry).Assembly, typeof(Zhaoshang.Funding.FundingTelemetry).Assembly,
        typeof(Zhaoshang.Notification.NotificationTelemetry).Assembly,
    ];

    private static string ServiceOf(Assembly assembly) => assembly.GetName().Name!["Zhaoshang.".Length..].ToLowerInvariant();

    private static IEnumerable<(Type Consumer, Type Message)> ConsumersOf(Assembly assembly) =>
        from type in assembly.GetTypes()
        where !type.IsAbstract && type.BaseType is { IsGenericType: true } baseType
              && baseType.GetGenericTypeDefinition() == typeof(InboxConsumer<>)
        select (type, type.BaseType!.GetGenericArguments()[0]);

    [Fact]
    public void Each_service_consumes_exactly_what_the_map_routes_to_it()
    {
        foreach (var assembly in Services)
        {
            var service = ServiceOf(assembly);
            var consumed = ConsumersOf(assembly).Select(c => c.Message.Name).Order().ToList();
            var routed = BrokerTopology.Routes.Where(r => r.Services.Contains(service)).Select(r => r.Message.Name).Order().ToList();
            Assert.True(consumed.SequenceEqual(routed),
                $"{service} consumes [{string.Join(", ", consumed)}] but BrokerTopology.Routes sends it [{string.Join(", ", routed)}].");
        }
    }

    [Fact]
    public void The_declared_queues_have_the_names_MassTransit_gives_the_consumers()
    {
        foreach (var assembly in Services)
        {
            var service = ServiceOf(assembly);
            var formatter = new KebabCaseEndpointNameFormatter(service, false);
            foreach (var (consumer, message) in ConsumersOf(assembly))
            {
                var massTransitName = (string)typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(formatter.Consumer))!
                    .MakeGenericMethod(consumer).Invoke(formatter, null)!;
                Assert.Equal(massTransitName, BrokerTopology.QueueOf(service, message));
            }
        }

        Assert.Equal("project-cooperation-intent-converted", BrokerTopology.QueueOf("project", typeof(CooperationIntentConverted)));
        Assert.Equal("Zhaoshang.Contracts:ProjectSigned", BrokerTopology.ExchangeOf(typeof(ProjectSigned)));
    }

    [Fact]
    public void Every_contract_is_in_the_map_once()
    {
        var contracts = typeof(ProjectSigned).Assembly.GetExportedTypes();
        // Records that only travel inside a message (a task team, an approval profile, a dictionary's entries) are not
        // messages themselves.
        var parts = contracts.SelectMany(t => t.GetProperties()).Select(p => p.PropertyType)
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t]).ToHashSet();
        // Static classes (the warning grades) hold constants, not messages.
        var messages = contracts.Where(t => !parts.Contains(t) && !(t.IsAbstract && t.IsSealed)).Select(t => t.Name).Order().ToList();
        Assert.Equal(messages, BrokerTopology.Routes.Select(r => r.Message.Name).Order().ToList());
    }

    [Fact]
    public void Submissions_get_a_queue_per_configured_approval_system_and_everything_someone_must_receive_is_mandatory()
    {
        var topology = new BrokerTopology(BrokerTopology.Routes, ["tzxm", "yunnan-eia"]);
        var queues = topology.Queues().ToList();
        Assert.Contains(("Zhaoshang.Contracts:ApprovalSubmissionRequested", "approval-system-tzxm"), queues);
        Assert.Contains(("Zhaoshang.Contracts:ApprovalSubmissionRequested", "approval-system-yunnan-eia"), queues);
        Assert.Contains(("Zhaoshang.Contracts:ProjectSigned", "approval-project-signed"), queues);
        Assert.Contains(("Zhaoshang.Contracts:ProjectSigned", "funding-project-signed"), queues);
        Assert.True(topology.IsMandatory(typeof(ApprovalSubmissionRequested)));
        Assert.True(topology.IsMandatory(typeof(CooperationIntentConverted)));
        Assert.True(topology.IsMandatory(typeof(ApprovalItemOverdue)));
        Assert.False(topology.IsMandatory(typeof(CooperationIntentTransferred)));
    }
}
