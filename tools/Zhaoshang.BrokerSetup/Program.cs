using Microsoft.Extensions.Configuration;
using Zhaoshang.BrokerSetup;

// Provisions one environment's broker: its vhost, every application user with the permissions the route map gives it,
// and the whole topology. Run by deploy/local/infra.sh and by docker-compose's broker-setup; idempotent.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build().GetSection("Broker");
var options = configuration.Get<SetupOptions>() ?? new SetupOptions();
var problems = options.Problems().ToList();
if (problems.Count > 0)
{
    problems.ForEach(Console.Error.WriteLine);
    return 2;
}

try
{
    await new Provisioning(options, configuration.GetSection("Passwords")).RunAsync();
    return 0;
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
{
    Console.Error.WriteLine($"[broker-setup] failed: {ex.Message}");
    return 1;
}
