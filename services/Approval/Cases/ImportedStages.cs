namespace Zhaoshang.Approval.Cases;

/// <summary>
/// The items an imported project (存量项目, <c>ProjectSigned.ImportedAtStage</c>) passed before the system: past land
/// (已拿地 and later) every item needed before land; once building (已开工, 已投产) the land-dependent certificates too,
/// as issued. They are granted outside the system (外部办结) before the case advances, so none opens with a due date long
/// gone; the rest open as for any signed project, and land (however late it arrives) issues what is ready as always.
/// </summary>
internal static class ImportedStages
{
    private static readonly string[] PastLand = ["LandAcquired", "UnderConstruction", "InProduction"];
    private static readonly string[] Building = ["UnderConstruction", "InProduction"];

    /// <summary>The status an item of a project imported at <paramref name="stage"/> is recorded in, or null when it was not passed.</summary>
    public static ApprovalItemStatus? PassedAs(ApprovalItem item, string? stage) =>
        stage is null ? null
        : Building.Contains(stage) ? item.LandDependent ? ApprovalItemStatus.Issued : ApprovalItemStatus.Granted
        : PastLand.Contains(stage) && !item.LandDependent ? ApprovalItemStatus.Granted
        : null;

    public static async Task GrantPassedAsync(CaseWorkflow workflow, string? stage)
    {
        foreach (var item in workflow.Items.ToList())
            if (PassedAs(item, stage) is { } status)
                await workflow.GrantOutsideAsync(item, status);
    }
}
