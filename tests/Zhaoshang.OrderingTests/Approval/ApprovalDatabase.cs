using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>The approval service's database, shared by the approval ordering tests (one collection: one reset).</summary>
public sealed class ApprovalDatabase : IAsyncLifetime
{
    public ServiceDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Db = await ServiceDatabase.CreateAsync("approval", typeof(Zhaoshang.Approval.Cases.ApprovalCasesApi).Assembly);

    public Task DisposeAsync() => Db.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ApprovalCollection : ICollectionFixture<ApprovalDatabase>
{
    public const string Name = "approval";
}
