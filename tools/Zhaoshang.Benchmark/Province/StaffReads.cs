namespace Zhaoshang.Benchmark.Province;

/// <summary>
/// Every staff list, search, KPI, statistics and export read of the services (their Map*Api files), with the common
/// filters and a deep page; {project} and {intent} stand for a record of the caller's district.
/// </summary>
internal static class StaffReads
{
    public sealed record Read(string Service, string Path, bool Export = false);

    public static readonly Read[] All =
    [
        new("Lead", "/api/enterprises?page=1&pageSize=20"),
        new("Lead", "/api/enterprises?industryChain=新能源电池&chainRole=ChainLeader&page=1&pageSize=20"),
        new("Lead", "/api/enterprises?name=春城&sort=-createdAt&page=1&pageSize=20"),
        new("Lead", "/api/enterprises?page=500&pageSize=20"),
        new("Lead", "/api/intents?page=1&pageSize=20"),
        new("Lead", "/api/intents?status=Following&industry=装备制造&page=1&pageSize=20"),
        new("Lead", "/api/intents?page=200&pageSize=20"),
        new("Lead", "/api/intents/overdue?page=1&pageSize=20"),
        new("Lead", "/api/intents/overdue?page=20&pageSize=20"),
        new("Lead", "/api/intents/{intent}/follow-ups"),
        new("Lead", "/api/events?year=2025&page=1&pageSize=20"),
        new("Lead", "/api/events/quarters-without-major-event?year=2025"),
        new("Lead", "/api/industry-chains/新能源电池"),
        new("Lead", "/api/search?q=春城&page=1&pageSize=20"),
        new("Lead", "/api/search?q=新能源电池&page=1&pageSize=20"),
        new("Lead", "/api/enterprises/export?industryChain=新能源电池", Export: true),
        new("Lead", "/api/intents/export", Export: true),
        new("Lead", "/api/events/export", Export: true),
        new("Project", "/api/projects?page=1&pageSize=20"),
        new("Project", "/api/projects?state=UnderConstruction&industry=装备制造&page=1&pageSize=20"),
        new("Project", "/api/projects?sort=-signedOn&page=1&pageSize=20"),
        new("Project", "/api/projects?page=500&pageSize=20"),
        new("Project", "/api/projects/{project}"),
        new("Project", "/api/projects/{project}/timeline"),
        new("Project", "/api/projects/{project}/nodes"),
        new("Project", "/api/search?q=春城&page=1&pageSize=20"),
        new("Project", "/api/kpis"),
        new("Project", "/api/kpis?year=2025"),
        new("Project", "/api/statistics?year=2025"),
        new("Project", "/api/statistics?year=2026&quarter=3&groupBy=Industry"),
        new("Project", "/api/statistics?year=2025&groupBy=Month"),
        new("Project", "/api/statistics/targets?year=2025"),
        new("Project", "/api/node-warnings?page=1&pageSize=20"),
        new("Project", "/api/me/nodes"),
        new("Project", "/api/parks/recommendations?industry=装备制造&investment=1000000000&district=安宁市"),
        new("Project", "/api/statistics/meeting-workbook?year=2025&quarter=4", Export: true),
        new("Project", "/api/projects/export?state=InProduction", Export: true),
        new("Project", "/api/projects/export", Export: true),
        new("Approval", "/api/approval-items/overdue"),
        new("Approval", "/api/projects/{project}/approval-case"),
        new("Approval", "/api/approval-items/overdue/export", Export: true),
        new("Funding", "/api/stats/funds?year=2025"),
        new("Funding", "/api/stats/funds?year=2025&quarter=2&industry=装备制造"),
        new("Funding", "/api/projects/{project}/ledger"),
        new("Funding", "/api/projects/{project}/funds-reports"),
        new("Funding", "/api/stats/funds.csv?year=2025", Export: true),
        new("Funding", "/api/incentive-payments.csv", Export: true),
        new("Notification", "/api/warnings?page=1&pageSize=20"),
        new("Notification", "/api/warnings?grade=red&page=5&pageSize=20"),
        new("Notification", "/api/warnings/summary"),
        new("Notification", "/api/inbox?page=1&pageSize=20"),
        new("Notification", "/api/inbox/unread-count"),
        new("Notification", "/api/notification-deliveries?page=1&pageSize=20"),
        new("Notification", "/api/warnings/export", Export: true),
    ];
}
