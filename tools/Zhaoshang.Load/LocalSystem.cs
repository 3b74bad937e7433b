using System.Globalization;

namespace Zhaoshang.Load;

/// <summary>The five services (and the OpenID Connect provider) as infra.sh sets them up on this machine: where the repository is, how each one is configured.</summary>
public static class LocalSystem
{
    public static readonly string[] Services = ["Lead", "Project", "Approval", "Funding", "Notification"];

    /// <summary>
    /// One service's environment for an environment suffix ("_bench", "_faults"): its own database and the vhost,
    /// and the approval system <c>tzxm</c>, deciding every item, unthrottled, because a driver plays every approval
    /// system at once, far above what one real system sends. Like run.sh, a stuck bus ends the process
    /// (<see cref="ServiceHost"/> restarts it on exit and probes no liveness). On the cluster (<paramref name="hosts"/>)
    /// it connects to every broker node and finds the PostgreSQL primary.
    /// </summary>
    public static Dictionary<string, string> Environment(
        string service, string suffix, Uri authority, string webhookSecret, LocalHosts? hosts = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = ConnectionString(service, suffix, hosts: hosts),
            ["RabbitMq__VirtualHost"] = $"zhaoshang{suffix}",
            ["RabbitMq__Username"] = BrokerUser(service, suffix),
            ["RabbitMq__Password"] = BrokerPassword(BrokerUser(service, suffix)),
            ["RabbitMq__ExitWhenStuck"] = "true",
            ["Auth__Authority"] = authority.ToString(),
            ["Auth__RequireHttpsMetadata"] = "false",
            ["ApprovalSystems__Secrets__tzxm"] = webhookSecret,
            ["ApprovalSystems__Items__tzxm"] = "filing,verification,land-pre-review,eia-report,eia-form,energy-review,design-review,"
                + "land-planning-permit,real-estate-title,engineering-planning-permit,construction-permit",
            ["ApprovalSystems__RateLimit__Systems__tzxm__PermitsPerSecond"] = "100000",
            ["ApprovalSystems__RateLimit__Systems__tzxm__Burst"] = "100000",
            // As run.sh: PostgreSQL shares these cores, so each service writes at most half of them at once.
            ["Database__ConcurrentMessages"] = LocalConcurrency,
            ["Database__ConcurrentChanges"] = LocalConcurrency,
        };
        if (hosts is { IsCluster: true })
            environment["RabbitMq__Hosts"] = string.Join(',', hosts.BrokerNodes);
        return environment;
    }

    private static readonly string LocalConcurrency = ((System.Environment.ProcessorCount + 1) / 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>The service's own broker user, as infra.sh provisions it: zs_&lt;service&gt;&lt;suffix&gt;.</summary>
    public static string BrokerUser(string service, string suffix) => $"zs_{service.ToLowerInvariant()}{suffix}";

    /// <summary>
    /// The environment's broker administrator (infra.sh: zs_admin&lt;suffix&gt;, tags administrator and impersonator), for
    /// tools that measure or inspect the broker below the services; no service uses it.
    /// </summary>
    public static string BrokerAdmin(string suffix) => $"zs_admin{suffix}";

    /// <summary>Every local broker user's password, as infra.sh provisions them.</summary>
    public static string BrokerPassword(string user) => $"{user}_dev";

    /// <summary>
    /// The OpenID Connect provider for a run (Development: it generates its keys in <paramref name="keyDirectory"/> and
    /// creates the demo users with <paramref name="demoPassword"/>); its tokens last the longest run.
    /// </summary>
    public static Dictionary<string, string> IdentityEnvironment(
        string suffix, Uri issuer, string keyDirectory, string cliSecret, string demoPassword, LocalHosts? hosts = null) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Database"] = ConnectionString("Identity", suffix, hosts: hosts),
        ["Identity__Issuer"] = issuer.ToString(),
        ["Identity__KeyDirectory"] = keyDirectory,
        ["Identity__CliClientSecret"] = cliSecret,
        ["Identity__DemoPassword"] = demoPassword,
        ["Identity__AccessTokenLifetime"] = "12:00:00",
        ["Auth__Authority"] = issuer.ToString(),
        ["Auth__RequireHttpsMetadata"] = "false",
    };

    /// <summary>The login infra.sh creates: zs_&lt;service&gt;&lt;suffix&gt; with the password zs_&lt;service&gt;&lt;suffix&gt;_dev.</summary>
    public static string ConnectionString(string service, string suffix, int poolSize = 20, LocalHosts? hosts = null)
    {
        var name = $"zs_{service.ToLowerInvariant()}{suffix}";
        return $"{(hosts ?? LocalHosts.SingleNode).Database};Database={name};Username={name};Password={name}_dev;Maximum Pool Size={poolSize}";
    }

    /// <summary>The checkout a tool runs from: the first folder above its output that holds Zhaoshang.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhaoshang.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Zhaoshang.sln not found above the program's output directory; pass --root.");
    }
}
