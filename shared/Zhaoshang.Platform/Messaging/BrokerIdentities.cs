namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// The broker users of one environment, named like its PostgreSQL roles: a service's <c>zs_&lt;service&gt;&lt;suffix&gt;</c>,
/// an approval system's <c>zs_system_&lt;system&gt;&lt;suffix&gt;</c>, where the suffix names the environment ("" for dev,
/// <c>_test1</c>, <c>_bench</c>…). RabbitMQ validates the <c>user_id</c> property of a message against the connection's
/// user, so a consumer that reads it knows who really sent a message, whatever the body or headers claim.
/// </summary>
public sealed class BrokerIdentities(string suffix)
{
    private const string Prefix = "zs_";
    private const string SystemPrefix = "zs_system_";

    public string Suffix => suffix;

    /// <summary>A service's identities, from its own user (<c>RabbitMq:Username</c>), which must be <c>zs_&lt;service&gt;</c> plus the suffix.</summary>
    public static BrokerIdentities OfService(string service, string? username)
    {
        var own = Prefix + service;
        if (username is null || !username.StartsWith(own, StringComparison.Ordinal)
            || (username.Length > own.Length && username[own.Length] != '_'))
            throw new InvalidOperationException(
                $"RabbitMq:Username must be the {service} service's own broker user, {own} or {own}_<environment> (got '{username}').");
        return new BrokerIdentities(username[own.Length..]);
    }

    public string ServiceUser(string service) => $"{Prefix}{service}{suffix}";

    public string SystemUser(string system) => $"{SystemPrefix}{system}{suffix}";

    /// <summary>Whether a message's validated <c>user_id</c> is one of this environment's services.</summary>
    public bool IsService(string? userId) =>
        userId is not null && BrokerTopology.ServiceNames.Any(s => ServiceUser(s) == userId);

    /// <summary>The approval system a message's validated <c>user_id</c> belongs to, or null when it is not one.</summary>
    public string? SystemOf(string? userId) =>
        userId is not null && userId.StartsWith(SystemPrefix, StringComparison.Ordinal) && userId.EndsWith(suffix, StringComparison.Ordinal)
        && userId.Length > SystemPrefix.Length + suffix.Length
            ? userId[SystemPrefix.Length..^suffix.Length]
            : null;
}
