using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>Every consumer of the project service that follows a signed project, as the service registers them.</summary>
public static class ProjectConsumers
{
    public static Consumers All(ServiceDatabase db, TimeProvider clock) => new Consumers()
        .Add(new ApprovalCaseOpenedConsumer(db.Database))
        .Add(new FundingLedgerOpenedConsumer(db.Database))
        .Add(new FundsVerifiedConsumer(db.Database))
        .Add(new PreLandApprovalsCompletedConsumer(db.Database, clock))
        .Add(new ConstructionPermitIssuedConsumer(db.Database, clock))
        .Add(new ApprovalItemReturnedConsumer(db.Database, clock))
        .Add(new ApprovalItemRejectedConsumer(db.Database, clock))
        .Add(new ApprovalItemGrantedConsumer(db.Database, clock));
}
