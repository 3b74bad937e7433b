namespace Zhaoshang.Gateway;

/// <summary><c>Gateway</c>: where the services are, where the console's files are, what the console is told at start.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Each service's base address by name (Lead, Project, Approval, Funding, Identity, Notification).</summary>
    public Dictionary<string, Uri> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The console's production build (the files of <c>console/dist</c>); empty or missing: no console.</summary>
    public string ConsoleRoot { get; set; } = "";

    public ConsoleSettings Console { get; set; } = new();

    /// <summary>How long a service may stay silent on one request before the gateway answers 504.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What <c>/config.json</c> tells the console: its OpenID Connect provider and client.</summary>
    public sealed class ConsoleSettings
    {
        public Uri Authority { get; set; } = new("http://127.0.0.1:5105/");
        public string ClientId { get; set; } = "zhaoshang-console";
        public string Scope { get; set; } = "openid profile offline_access";
    }
}
