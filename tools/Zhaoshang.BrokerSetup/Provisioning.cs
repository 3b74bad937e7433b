using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.BrokerSetup;

/// <summary>
/// Users and permissions over the management API (an administrator's), the topology over AMQP (the same administrator,
/// who alone may configure every service's queues). What exists is updated in place: a user's password and permissions
/// are set to what they must be now, queues keep their messages.
/// </summary>
internal sealed class Provisioning(SetupOptions options, IConfiguration passwords)
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri(options.ManagementUrl.TrimEnd('/') + "/api/"),
        DefaultRequestHeaders =
        {
            Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AdminUsername}:{options.AdminPassword}"))),
        },
    };

    public async Task RunAsync()
    {
        var topology = new BrokerTopology(BrokerTopology.Routes, options.Systems);
        var identities = new BrokerIdentities(options.Environment);
        var vhost = Uri.EscapeDataString(options.VirtualHost);
        await PutAsync($"vhosts/{vhost}", new { });
        await PutAsync($"permissions/{vhost}/{Uri.EscapeDataString(options.AdminUsername)}", new { configure = ".*", write = ".*", read = ".*" });
        foreach (var permission in topology.Permissions(identities))
        {
            var user = Uri.EscapeDataString(permission.User);
            // No tags: no application user may use the management UI or API.
            await PutAsync($"users/{user}", new { password = PasswordOf(permission.User), tags = "" });
            await PutAsync($"permissions/{vhost}/{user}",
                new { configure = permission.Configure, write = permission.Write, read = permission.Read });
            Console.WriteLine($"[broker-setup] {permission.User}: configure {permission.Configure}  write {permission.Write}  read {permission.Read}");
        }

        await topology.DeclareAsync(new RabbitMqOptions
        {
            Host = options.Host,
            Port = (ushort)options.Port,
            VirtualHost = options.VirtualHost,
            Username = options.AdminUsername,
            Password = options.AdminPassword,
        }, CancellationToken.None);
        Console.WriteLine($"[broker-setup] topology declared on vhost {options.VirtualHost}");
    }

    private string PasswordOf(string user) =>
        options.DevPasswords ? $"{user}_dev"
        : passwords[user] is { Length: > 0 } password ? password
        : throw new InvalidOperationException($"No password for {user}: set Broker__Passwords__{user}.");

    private async Task PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"PUT /api/{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
