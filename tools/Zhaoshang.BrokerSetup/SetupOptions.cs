namespace Zhaoshang.BrokerSetup;

/// <summary>
/// The <c>Broker__*</c> settings (environment or <c>--Broker:Key=value</c>): where the broker is, which environment
/// (the users' suffix, as infra.sh names them), which approval systems, and the administrator that provisions.
/// </summary>
internal sealed class SetupOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 5672;
    public string ManagementUrl { get; set; } = "http://127.0.0.1:15672";
    public string VirtualHost { get; set; } = "";

    /// <summary>The environment's suffix on every user name: "" (dev), "_test1", "_bench".</summary>
    public string Environment { get; set; } = "";

    /// <summary>The approval systems that get a user and a submission queue, separated by commas or spaces.</summary>
    public string ApprovalSystems { get; set; } = "";

    public string AdminUsername { get; set; } = "";
    public string AdminPassword { get; set; } = "";

    /// <summary>Local environments only: every user's password is its name followed by <c>_dev</c>, like the PostgreSQL roles.</summary>
    public bool DevPasswords { get; set; }

    public string[] Systems => ApprovalSystems.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Problems()
    {
        if (VirtualHost.Length == 0)
            yield return "Broker:VirtualHost is required.";
        if (AdminUsername.Length == 0 || AdminPassword.Length == 0)
            yield return "Broker:AdminUsername and Broker:AdminPassword (an administrator's account) are required.";
    }
}
