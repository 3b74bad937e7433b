using Zhaoshang.Contracts;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests;

/// <summary>The broker users' names and the permissions the route map gives them.</summary>
public class BrokerIdentitiesTests
{
    [Fact]
    public void A_service_knows_its_environment_from_its_own_user_and_refuses_any_other()
    {
        var identities = BrokerIdentities.OfService("approval", "zs_approval_test1");
        Assert.Equal("_test1", identities.Suffix);
        Assert.Equal("zs_project_test1", identities.ServiceUser("project"));
        Assert.True(identities.IsService("zs_lead_test1"));
        Assert.False(identities.IsService("zs_lead"));
        Assert.False(identities.IsService("zs_system_tzxm_test1"));
        Assert.Equal("", BrokerIdentities.OfService("lead", "zs_lead").Suffix);
        Assert.Throws<InvalidOperationException>(() => BrokerIdentities.OfService("lead", "zhaoshang"));
        Assert.Throws<InvalidOperationException>(() => BrokerIdentities.OfService("lead", "zs_leadership"));
        Assert.Throws<InvalidOperationException>(() => BrokerIdentities.OfService("lead", ""));
    }

    [Fact]
    public void An_approval_system_is_the_one_its_user_names_in_this_environment_only()
    {
        var identities = new BrokerIdentities("_test1");
        Assert.Equal("yunnan-eia", identities.SystemOf("zs_system_yunnan-eia_test1"));
        Assert.Equal("tzxm", new BrokerIdentities("").SystemOf("zs_system_tzxm"));
        Assert.Null(identities.SystemOf("zs_system_tzxm"));
        Assert.Null(identities.SystemOf("zs_approval_test1"));
        Assert.Null(identities.SystemOf("zs_system__test1"));
        Assert.Null(identities.SystemOf(null));
    }

    [Fact]
    public void A_service_may_publish_only_its_own_events_and_read_only_its_own_queues()
    {
        var funding = BrokerTopology.ServicePermission("funding", "zs_funding");
        Assert.Matches(funding.Write, BrokerTopology.ExchangeOf(typeof(FundsVerified)));
        Assert.DoesNotMatch(funding.Write, BrokerTopology.ExchangeOf(typeof(ProjectStateChanged)));
        Assert.Matches(funding.Write, "funding-project-state-changed_error");
        Assert.DoesNotMatch(funding.Write, "project-funds-verified");
        Assert.Matches(funding.Read, "funding-project-state-changed");
        Assert.DoesNotMatch(funding.Read, "funding-project-state-changed_error");
        Assert.DoesNotMatch(funding.Configure, BrokerTopology.ExchangeOf(typeof(ProjectStateChanged)));
        Assert.DoesNotMatch(funding.Write, "amq.default");

        // approval's queues start with "approval-", as the systems' submission queues do: it may still not read those.
        var approval = BrokerTopology.ServicePermission("approval", "zs_approval");
        Assert.DoesNotMatch(approval.Read, BrokerTopology.ApprovalSystemQueue("tzxm"));
        Assert.DoesNotMatch(approval.Configure, BrokerTopology.ApprovalSystemQueue("tzxm"));
        Assert.DoesNotMatch(approval.Write, BrokerTopology.ExchangeOf(typeof(ApprovalDecisionReported)));
    }

    [Fact]
    public void An_approval_system_may_only_report_decisions_and_read_its_own_submissions()
    {
        var tzxm = BrokerTopology.ApprovalSystemPermission("tzxm", "zs_system_tzxm");
        Assert.Equal("^$", tzxm.Configure);
        Assert.Matches(tzxm.Write, BrokerTopology.ExchangeOf(typeof(ApprovalDecisionReported)));
        Assert.DoesNotMatch(tzxm.Write, BrokerTopology.ExchangeOf(typeof(FundsVerified)));
        Assert.Matches(tzxm.Read, "approval-system-tzxm");
        Assert.DoesNotMatch(tzxm.Read, "approval-system-yunnan-eia");
        Assert.DoesNotMatch(tzxm.Read, "approval-approval-decision-reported");
    }
}
