using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>The project service's database, shared by the project ordering tests (one collection: one reset).</summary>
public sealed class ProjectDatabase : IAsyncLifetime
{
    public ServiceDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Db = await ServiceDatabase.CreateAsync("project", typeof(Zhaoshang.Project.Lifecycle.ProjectsApi).Assembly);

    public Task DisposeAsync() => Db.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ProjectCollection : ICollectionFixture<ProjectDatabase>
{
    public const string Name = "project";
}
