using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.ProvinceData;

namespace Zhaoshang.IntegrationTests.Performance;

/// <summary>
/// A province at scale 0.002 (400 enterprises, 200 intents, about 2,000 follow-ups, 100 projects) loaded once by the
/// generator into the test databases, over two districts of its own so that no other test's rows change its counts.
/// </summary>
internal static class SmallProvince
{
    private static readonly Lazy<Task<LoadResult>> Loaded = new(LoadAsync);

    public static readonly string[] Districts = [$"省测{Guid.NewGuid():N}"[..8] + "区", $"省测{Guid.NewGuid():N}"[..8] + "县"];

    /// <summary>The province, loaded the first time a test asks (the services have migrated their databases by then).</summary>
    public static Task<LoadResult> LoadedAsync() => Loaded.Value;

    private static Task<LoadResult> LoadAsync() => ProvinceLoader.LoadAsync(
        ProvinceShape.Of(0.002, Journey.Today, Districts.Select(d => (d, 1)).ToList()),
        TestEnvironment.Services.ToDictionary(s => s, s => TestEnvironment.ConnectionString(s)));

    public static IEnumerable<ProjectPlan> ProjectsIn(this LoadResult province, string district) =>
        province.Plan.Projects.Where(p => p.Intent.District == district);
}
