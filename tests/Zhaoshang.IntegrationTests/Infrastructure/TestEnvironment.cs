namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Where the test system lives: the databases and vhost that <c>deploy/local/infra.sh test --fresh</c> creates,
/// and ports that do not clash with a system started by run.sh.
/// </summary>
internal static class TestEnvironment
{
    public const string VirtualHost = "zhaoshang_test";
    public const string RabbitUser = "zhaoshang";
    public const string RabbitPassword = "zhaoshang_dev";

    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["Lead"] = 5201, ["Project"] = 5202, ["Approval"] = 5203, ["Funding"] = 5204,
    };

    public static string ConnectionString(string service)
    {
        var name = $"zs_{service.ToLowerInvariant()}_test";
        return $"Host=127.0.0.1;Port=5432;Database={name};Username={name};Password={name}_dev;Maximum Pool Size=20";
    }

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
