using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>The funding service's database, shared by the funding ordering tests (one collection: one reset).</summary>
public sealed class FundingDatabase : IAsyncLifetime
{
    public ServiceDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Db = await ServiceDatabase.CreateAsync("funding", typeof(Zhaoshang.Funding.Ledgers.LedgersApi).Assembly);

    public Task DisposeAsync() => Db.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class FundingCollection : ICollectionFixture<FundingDatabase>
{
    public const string Name = "funding";
}
