using System.Net.Http.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>The robot webhooks and the SMTP server the notification tests deliver to, for the tests of one class.</summary>
public sealed class NotificationReceivers : IAsyncLifetime
{
    internal RobotReceiver Robots { get; } = new();
    internal MailReceiver Mail { get; } = new();

    public async Task InitializeAsync()
    {
        await Robots.StartAsync();
        Mail.Start();
    }

    public async Task DisposeAsync()
    {
        await Robots.DisposeAsync();
        await Mail.DisposeAsync();
    }

    /// <summary>
    /// A member of staff of their own, so each test has its own recipient: created on the provider, signed in, and with a
    /// client for the notification service carrying their token.
    /// </summary>
    internal static async Task<(string Username, HttpClient Client)> StaffAsync(
        SystemFixture system, string role, string? district = null, string? park = null)
    {
        var username = $"n-{role}-{Guid.NewGuid():N}"[..24];
        using var identity = system.Client(system.Identity);
        using var created = await identity.PostAsJsonAsync("/api/users", new
        {
            username, displayName = $"测试 {username}", role, district, park, password = Tokens.DemoPassword,
        });
        created.EnsureSuccessStatusCode();
        return (username, system.Client(system.Notification, await Tokens.SignInAsync(username, Tokens.DemoPassword)));
    }
}
