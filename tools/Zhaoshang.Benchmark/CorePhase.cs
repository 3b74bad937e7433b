using Zhaoshang.Load.MessagingCore;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Benchmark;

/// <summary>
/// The messaging core alone (<see cref="MessagingCoreRun"/>), before the services start so that nothing else runs,
/// beside PostgreSQL's single-row commit ceiling at the core's own pool size, measured right after it.
/// </summary>
internal static class CorePhase
{
    private const int PoolSize = 20;

    /// <summary>Prints the figures; false if a message's effect is missing.</summary>
    public static async Task<bool> RunAsync(string connectionString, RabbitMqOptions administrator, int messages, int producers, double? brokerCeiling)
    {
        var self = Environment.ProcessId;
        var cpuBefore = CpuAccounting.Snapshot();
        var core = await MessagingCoreRun.RunAsync(connectionString, administrator, messages, producers, TimeSpan.FromSeconds(60 + messages / 20.0));
        var cpu = CpuAccounting.Between(cpuBefore, CpuAccounting.Snapshot(), (pid, name) =>
            pid == self ? "host" : name.StartsWith("postgres") ? "postgres" : name is "beam.smp" or "erl_child_setup" ? "rabbitmq" : "other");
        Console.WriteLine($"[messaging core] {core.Messages} messages in {core.Wall.TotalSeconds:0.0} s: {core.MessagesPerSecond:0} msg/s end to end " +
                          $"(UnitOfWork.PublishAsync → outbox → relay → RabbitMQ → InboxConsumer writing one row; {producers} producers, pool {PoolSize}), " +
                          $"{core.TransactionsPerSecond:0} PostgreSQL tx/s ({core.TransactionsPerMessage:0.00} per message), " +
                          $"effects missing {core.Missing}, redeliveries absorbed {core.Redelivered}");
        Console.WriteLine("  CPU ms per message: " + string.Join(", ", cpu.Select(c => $"{c.Group} {c.Seconds * 1000 / core.Messages:0.00}")) +
                          $" (host: producers, relay and consumer in this process; the whole phase, setup included; host from the first publish to the last effect alone {core.ProcessCpu.TotalMilliseconds / core.Messages:0.00})");
        if (brokerCeiling is { } broker)
        {
            var postgres = await PostgresCeiling.TransactionsPerSecondAsync(connectionString, PoolSize, TimeSpan.FromSeconds(10));
            Console.WriteLine($"[ceiling] raw PostgreSQL: {postgres:0} tx/s (single-row INSERT per transaction, {PoolSize} connections = the core's pool)");
            var notifying = await PostgresCeiling.TransactionsPerSecondAsync(connectionString, PoolSize, TimeSpan.FromSeconds(10), notify: true);
            Console.WriteLine($"[ceiling] raw PostgreSQL with a pg_notify in each transaction: {notifying:0} tx/s ({notifying / postgres:0.00} of it; " +
                              "what every publishing commit paid for waking the relay before OutboxWake)");
            Console.WriteLine($"[ratios] messaging core msg/s ÷ raw RabbitMQ msg/s = {core.MessagesPerSecond / broker:0.00}; " +
                              $"its PostgreSQL tx/s ÷ raw PostgreSQL tx/s = {core.TransactionsPerSecond / postgres:0.00}; msg/s ÷ raw PostgreSQL tx/s = {core.MessagesPerSecond / postgres:0.00}");
        }

        Console.WriteLine("[peers] published durable .NET figures, bigger machines: Wolverine durable inbox ~3,100 msg/s; NServiceBus SQL transport 600–1,350 msg/s");
        return core.Missing == 0;
    }
}
