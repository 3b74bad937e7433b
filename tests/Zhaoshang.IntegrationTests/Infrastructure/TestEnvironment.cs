namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Where the test system lives: the databases and vhost that <c>deploy/local/infra.sh test --fresh</c> creates,
/// and ports that do not clash with a system started by run.sh. <c>ZS_TEST_SLOT=n</c> (as infra.sh reads it) gives
/// a second checkout its own databases, vhost and ports, so two suites can run side by side on one machine.
/// </summary>
internal static class TestEnvironment
{
    private static readonly int Slot = int.TryParse(Environment.GetEnvironmentVariable("ZS_TEST_SLOT"), out var slot) ? slot : 0;
    private static readonly string Suffix = Slot == 0 ? "_test" : $"_test{Slot}";

    public static readonly string VirtualHost = $"zhaoshang{Suffix}";

    /// <summary>The suffix on the environment's broker users, as infra.sh passes it to tools/Zhaoshang.BrokerSetup.</summary>
    public static string BrokerSuffix => Suffix;

    /// <summary>A service's own broker user (zs_&lt;service&gt;_test&lt;n&gt;), the only one it connects as.</summary>
    public static string ServiceBrokerUser(string service) => $"zs_{service.ToLowerInvariant()}{Suffix}";

    /// <summary>An approval system's broker user (zs_system_&lt;system&gt;_test&lt;n&gt;).</summary>
    public static string SystemBrokerUser(string system) => $"zs_system_{system}{Suffix}";

    /// <summary>
    /// The environment's administrator (infra.sh: tags administrator and impersonator), which the tests use only to
    /// inspect queues, restore the topology and read the provisioned permissions; no service uses it.
    /// </summary>
    public static readonly string BrokerAdmin = $"zs_admin{Suffix}";

    /// <summary>Every broker user's password, as infra.sh provisions them locally.</summary>
    public static string BrokerPassword(string user) => $"{user}_dev";

    /// <summary>The fault-injection run's own databases and vhost (infra.sh faults), and its ports.</summary>
    public static readonly string FaultsSuffix = Slot == 0 ? "_faults" : $"_faults{Slot}";
    public static readonly int FaultsFirstPort = 5401 + 10 * Slot;

    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["Lead"] = 5201 + 10 * Slot, ["Project"] = 5202 + 10 * Slot, ["Approval"] = 5203 + 10 * Slot, ["Funding"] = 5204 + 10 * Slot,
    };

    public static string ConnectionString(string service, string? password = null)
    {
        var name = DatabaseName(service);
        return $"Host=127.0.0.1;Port=5432;Database={name};Username={name};Password={password ?? DatabasePassword(service)};Maximum Pool Size=20";
    }

    /// <summary>The login's password, as infra.sh creates it.</summary>
    public static string DatabasePassword(string service) => $"{DatabaseName(service)}_dev";

    private static string DatabaseName(string service) => $"zs_{service.ToLowerInvariant()}{Suffix}";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The services are run from the build configuration the tests were built with.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string LogDirectory { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, ".run", "test-logs")).FullName;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhaoshang.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Zhaoshang.sln not found above the test output directory.");
    }
}
