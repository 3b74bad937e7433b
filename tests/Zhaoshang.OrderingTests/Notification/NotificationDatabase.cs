using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Notification;

/// <summary>The notification service's database, shared by the notification ordering tests (one collection: one reset).</summary>
public sealed class NotificationDatabase : IAsyncLifetime
{
    public ServiceDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Db = await ServiceDatabase.CreateAsync("notification", typeof(Zhaoshang.Notification.Warnings.WarningBook).Assembly);

    public Task DisposeAsync() => Db.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationDatabase>
{
    public const string Name = "notification";
}
