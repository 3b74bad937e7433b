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
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], lead.Select(m => m.Version));
        Assert.Contains("CREATE TABLE enterprises", lead[0].Sql);
    }

    /// <summary>Two branches each adding "the next" migration once left two 0014s in the project service; numbers must run 1..N.</summary>
    [Theory]
    [InlineData(typeof(Zhaoshang.Lead.LeadTelemetry))]
    [InlineData(typeof(Zhaoshang.Project.ProjectTelemetry))]
    [InlineData(typeof(Zhaoshang.Approval.ApprovalTelemetry))]
    [InlineData(typeof(Zhaoshang.Funding.FundingTelemetry))]
    [InlineData(typeof(Zhaoshang.Notification.NotificationTelemetry))]
    [InlineData(typeof(MigrationRunner))]
    public void Each_service_numbers_its_migrations_once_each_without_gaps(Type service)
    {
        var versions = MigrationRunner.Discover(service.Assembly).Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }
}
