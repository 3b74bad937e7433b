using Yarp.ReverseProxy.Configuration;
using Zhaoshang.Platform.Attachments;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Zhaoshang.Gateway.Routing;

/// <summary>
/// Which service answers which <c>/api</c> path, as the services map them. A path one service owns is forwarded as it
/// is; a path every service has (the platform's audit trail and outbox) is reached as <c>/api/&lt;service&gt;/…</c> and
/// forwarded without the service's segment. The approval systems' webhooks (<c>/api/integrations</c>) are not here:
/// they reach the approval service at its own address, where each system's rate limit sees the system's own address.
/// </summary>
internal static class ServiceRoutes
{
    public static readonly string[] Services = ["Lead", "Project", "Approval", "Funding", "Identity", "Notification"];

    private static readonly (string Service, string Path)[] Owned =
    [
        ("Lead", "/api/enterprises"),
        ("Lead", "/api/industry-chains"),
        ("Lead", "/api/events"),
        ("Lead", "/api/intents"),
        ("Project", "/api/projects"),
        ("Project", "/api/parks"),
        ("Project", "/api/kpis"),
        ("Project", "/api/statistics"),
        ("Project", "/api/node-plan-templates"),
        ("Project", "/api/me/nodes"),
        ("Project", "/api/node-warnings"),
        ("Project", "/api/working-calendar"),
        ("Project", "/api/dictionaries"),
        // Beneath a project, yet the approval and funding services' (more specific, so they win over /api/projects).
        ("Approval", "/api/projects/{projectId}/approval-case"),
        ("Approval", "/api/approval-items"),
        ("Funding", "/api/projects/{projectId}/funds-reports"),
        ("Funding", "/api/projects/{projectId}/incentive-claims"),
        ("Funding", "/api/projects/{projectId}/ledger"),
        ("Funding", "/api/funds-reports"),
        ("Funding", "/api/incentive-policies"),
        ("Funding", "/api/incentive-claims"),
        ("Funding", "/api/incentive-payments.csv"),
        ("Funding", "/api/stats"),
        ("Funding", "/api/exchange-rates"),
        ("Identity", "/api/users"),
        ("Notification", "/api/inbox"),
        ("Notification", "/api/notification-preferences"),
        ("Notification", "/api/notification-channels"),
        ("Notification", "/api/notification-deliveries"),
        ("Notification", "/api/warnings"),
    ];

    /// <summary>
    /// The attachments' uploads, beneath their owners' paths (more specific, so they win): the only routes whose bodies
    /// may exceed the gateway's own limit (Kestrel:Limits:MaxRequestBodySize), up to the attachments' limit.
    /// </summary>
    private static readonly (string Service, string Path)[] Attachments =
    [
        ("Lead", "/api/intents/{intentId}/follow-ups/{followUpId}/attachments"),
        ("Project", "/api/projects/{projectId}/nodes/{nodeId}/attachments"),
        ("Approval", "/api/projects/{projectId}/approval-case/items/{itemCode}/attachments"),
        ("Funding", "/api/funds-reports/{reportId}/attachments"),
    ];

    /// <summary>The platform's paths, on every service.</summary>
    public static readonly string[] Shared = ["/api/audit", "/api/outbox/dead-letters"];

    /// <summary>
    /// Paths some services have under one name (each service's keyword search): reached as the shared ones are, under the
    /// service's name (<c>/api/lead/search</c>, <c>/api/project/search</c>).
    /// </summary>
    private static readonly (string Service, string Path)[] Namesakes = [("Lead", "/api/search"), ("Project", "/api/search")];

    /// <summary>The paths a service has under its name at the gateway: the platform's, and its namesakes.</summary>
    private static IEnumerable<string> SharedPaths(string service) => Shared.Concat(
        Namesakes.Where(n => n.Service.Equals(service, StringComparison.OrdinalIgnoreCase)).Select(n => n.Path));

    /// <summary>The gateway's path for a shared path on one service: <c>/api/audit</c> of Lead is <c>/api/lead/audit</c>.</summary>
    public static string SharedPath(string service, string path) => $"/api/{service.ToLowerInvariant()}{path["/api".Length..]}";

    /// <summary>
    /// Where a path of a service's own OpenAPI document is reached through the gateway, or null where it is not
    /// (the webhooks): a shared path gets the service's segment, an owned path stays as it is.
    /// </summary>
    public static string? GatewayPath(string service, string path)
    {
        if (SharedPaths(service).FirstOrDefault(shared => IsUnder(path, shared)) is { } sharedPath)
            return SharedPath(service, sharedPath) + path[sharedPath.Length..];
        return Owned.Any(r => r.Service.Equals(service, StringComparison.OrdinalIgnoreCase) && IsUnder(path, r.Path)) ? path : null;
    }

    /// <summary>Whether a path lies under a route's prefix, a <c>{parameter}</c> there matching any one segment.</summary>
    private static bool IsUnder(string path, string prefix)
    {
        var segments = path.Split('/');
        var expected = prefix.Split('/');
        return segments.Length >= expected.Length && expected.Zip(segments).All(p =>
            p.First.StartsWith('{') || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<RouteConfig> Routes(AttachmentOptions attachments)
    {
        var owned = Owned.Select(r => new RouteConfig
        {
            RouteId = $"{r.Service}:{r.Path}",
            ClusterId = r.Service,
            Match = new RouteMatch { Path = r.Path + "/{**rest}" },
        });
        var uploads = Attachments.Select(r => new RouteConfig
        {
            RouteId = $"{r.Service}:{r.Path}",
            ClusterId = r.Service,
            Match = new RouteMatch { Path = r.Path + "/{**rest}" },
            MaxRequestBodySize = attachments.MaxRequestBytes,
        });
        var shared = Services.SelectMany(service => SharedPaths(service).Select(path => new RouteConfig
        {
            RouteId = $"{service}:{SharedPath(service, path)}",
            ClusterId = service,
            Match = new RouteMatch { Path = SharedPath(service, path) + "/{**rest}" },
        }.WithTransformPathRouteValues(path + "/{**rest}")));
        return [.. owned, .. uploads, .. shared];
    }

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        .. Services.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new()
                {
                    Address = options.Services.GetValueOrDefault(service)?.ToString()
                        ?? throw new InvalidOperationException($"Gateway:Services:{service} must be the service's address."),
                },
            },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.RequestTimeout },
        }),
    ];
}
