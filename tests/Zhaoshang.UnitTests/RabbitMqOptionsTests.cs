using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests;

/// <summary>Which broker nodes a service connects to: a cluster's from RabbitMq:Hosts, else the one of Host and Port.</summary>
public class RabbitMqOptionsTests
{
    [Fact]
    public void Hosts_lists_a_clusters_nodes_in_order_and_replaces_host_and_port()
    {
        var options = new RabbitMqOptions { Host = "broker", Port = 1, Hosts = "127.0.0.1:5682, 127.0.0.1:5683,node-3" };

        Assert.Equal(["127.0.0.1:5682", "127.0.0.1:5683", "node-3:5672"], options.Nodes.Select(n => $"{n.HostName}:{n.Port}"));
        Assert.Equal("127.0.0.1:5682,127.0.0.1:5683,node-3:5672", options.Describe());
    }

    [Fact]
    public void Without_hosts_the_one_node_is_host_and_port()
    {
        var options = new RabbitMqOptions { Host = "rabbitmq", Port = 5673 };

        Assert.Equal(["rabbitmq:5673"], options.Nodes.Select(n => $"{n.HostName}:{n.Port}"));
    }
}
