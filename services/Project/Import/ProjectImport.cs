using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Plans;

namespace Zhaoshang.Project.Import;

/// <summary>
/// Writes one imported project in the import's transaction: the row in its state with its days, the timeline entry
/// 存量项目导入, the audit row, its node plan, and the messages the lifecycle would have published on the way —
/// <see cref="ProjectSigned"/> (marked <c>ImportedAtStage</c>), then per stage passed <see cref="ProjectStateChanged"/>
/// and on land <see cref="ProjectLandAcquired"/>, each with the next project version, as if the stages had been entered.
/// </summary>
internal static class ProjectImport
{
    public const string Reason = "存量项目导入";

    /// <summary>The approval profile a project signed in the console starts with; the 台账 does not say.</summary>
    private static readonly ProjectApprovalProfile Profile = new("Filing", "Form", true);

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<Guid> WriteAsync(UnitOfWork work, ImportedProject project, WorkCalendar calendar, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var stages = project.StagesAfterSigning().ToList();
        var stateDay = stages.Count == 0 ? project.SignedOn : stages[^1].On;
        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, origin, intent_id, enterprise_id, enterprise_name, enterprise_uscc, industry, intended_investment,
                                  district, first_district, state, state_entered_at, agreement_no, signed_on, contracted_investment,
                                  park_id, company_name, company_uscc, parcel_id, area_mu, land_contract_date, land_acquired_on,
                                  construction_started_on, production_started_on, name, construction_content, location,
                                  planned_start_on, planned_finish_on, opened_on, registered_on, version, created_at, updated_at)
            VALUES (@id, 'Imported', NULL, NULL, @Enterprise, @EnterpriseUscc, @Industry, @ContractedInvestment,
                    @District, @District, @State, @StateEnteredAt, @AgreementNo, @SignedOn, @ContractedInvestment,
                    @ParkId, @CompanyName, @CompanyUscc, @ParcelId, @AreaMu, @LandContractDate, @LandAcquiredOn,
                    @ConstructionStartedOn, @ProductionStartedOn, @Name, @ConstructionContent, @Location,
                    @PlannedStartOn, @PlannedFinishOn, @SignedOn, @RegisteredOn, @Version, @now, @now)
            """,
            new
            {
                id, project.Enterprise, project.EnterpriseUscc, project.Industry, project.ContractedInvestment, project.District,
                State = project.Stage.ToString(), StateEnteredAt = stateDay is { } entered ? At(entered) : now, project.AgreementNo, project.SignedOn,
                ParkId = project.Park.Id, project.CompanyName, project.CompanyUscc, project.ParcelId, project.AreaMu, project.LandContractDate,
                project.LandAcquiredOn, project.ConstructionStartedOn, project.ProductionStartedOn, project.Name, project.ConstructionContent,
                project.Location, project.PlannedStartOn, project.PlannedFinishOn, project.RegisteredOn, Version = 1 + stages.Count, now,
            });
        await Timeline.RecordAsync(work, id, null, project.Stage, Reason, now);
        await work.AuditAsync("Project", id, "imported", null, project);

        await work.PublishAsync(new ProjectSigned(id, project.AgreementNo, project.SignedOn, project.ContractedInvestment, project.Industry,
            project.District, project.Park.Name, Profile, null, now, 1, project.Park.Id, project.Stage.ToString()));
        var (from, version) = (ProjectState.Signed, 1);
        foreach (var (stage, on) in stages)
        {
            version++;
            // Registration has no day of its own in the 台账: the day the row's statistics count it on.
            var reachedOn = stage == ProjectState.Registered ? project.RegisteredOn!.Value : on!.Value;
            var occurredAt = At(reachedOn);
            await work.PublishAsync(new ProjectStateChanged(id, from.ToString(), stage.ToString(), Reason, project.District, project.Park.Name,
                project.Industry, reachedOn, occurredAt, version));
            if (stage == ProjectState.LandAcquired)
                await work.PublishAsync(new ProjectLandAcquired(
                    id, project.ParcelId!, project.AreaMu!.Value, project.LandContractDate!.Value, occurredAt, version));
            from = stage;
        }

        await ImportedNodes.RecordFactsAsync(work, id, project, clock);
        await NodePlanning.CreateAsync(work, id, project.Industry, null, project.SignedOn, calendar, clock);
        await ImportedNodes.CompletePassedAsync(work, id, project, calendar, clock);
        return id;
    }

    // A day of the 台账 as the moment it began in China: consumers take the day back from it.
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);
}
