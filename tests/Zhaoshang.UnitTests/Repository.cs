namespace Zhaoshang.UnitTests;

/// <summary>The checkout the tests run from, for tests that read its configuration files.</summary>
internal static class Repository
{
    /// <summary>The first folder above the test output that holds Zhaoshang.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!System.IO.File.Exists(Path.Combine(root.FullName, "Zhaoshang.sln")))
            root = root.Parent!;
        return root.FullName;
    }
}
