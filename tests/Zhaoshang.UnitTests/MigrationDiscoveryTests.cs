using Zhaoshang.Platform.Data;

namespace Zhaoshang.UnitTests;

public class MigrationDiscoveryTests
{
    [Fact]
    public void Finds_numbered_sql_resources_in_order()
    {
        var platform = MigrationRunner.Discover(typeof(MigrationRunner).Assembly);
        Assert.Equal(["0001_outbox_inbox", "0002_audit_actor_webhook_nonces", "0003_parked_messages", "0004_outbox_dead_letters_and_purge",
                "0005_idempotent_requests", "0006_warning_notices", "0007_working_calendar_years", "0008_dictionaries"],
            platform.Select(m => m.Name));

        var lead = MigrationRunner.Discover(typeof(Zhaoshang.Lead.LeadTelemetry).Assembly);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lead.Select(m => m.Version));
        Assert.Contains("CREATE TABLE enterprises", lead[0].Sql);
    }
}
