using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Plans;
using Zhaoshang.Project.NodePlans.Templates;
using Zhaoshang.Project.NodePlans.Warnings;

namespace Zhaoshang.UnitTests;

public class NodePlanRulesTests
{
    // National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
    private static readonly WorkCalendar China2026 = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 10, 10)]);

    private static TemplateNode Node(string code, string anchor, int offset, string? fulfilledBy = null) =>
        new(code, code, null, anchor, offset, [], fulfilledBy);

    [Fact]
    public void Nodes_are_dated_from_their_anchor_in_working_days_across_the_holiday()
    {
        // Signed Tuesday 29 September: the working days after it are 30 September, 8, 9 and (worked) 10 October.
        var planned = PlanDating.Date(
            [Node("signed", "signed", 0), Node("registered", "signed", 3), Node("filing", "registered", 1), Node("eia", "signed", 1)],
            new DateOnly(2026, 9, 29), China2026);
        Assert.Equal(new DateOnly(2026, 9, 29), planned["signed"]);
        Assert.Equal(new DateOnly(2026, 10, 9), planned["registered"]);
        Assert.Equal(new DateOnly(2026, 10, 10), planned["filing"]);   // the Saturday worked in exchange
        Assert.Equal(new DateOnly(2026, 9, 30), planned["eia"]);
    }

    [Fact]
    public void A_replanned_node_carries_the_open_nodes_hanging_on_it_and_a_complete_one_stops_the_chain()
    {
        // land moved from Friday 25 September to Wednesday 30 September: permit (3 after land) and start (1 after permit)
        // follow across the National Day holiday; eia hangs on land but is done, so audit (on eia) stays; filing hangs elsewhere.
        PlannedNode Planned(string code, string anchor, int offset, int day, int? done = null) =>
            new(code, anchor, offset, new DateOnly(2026, 9, day), done is { } d ? new DateOnly(2026, 9, d) : null);
        var moved = PlanDating.Follow(
            [
                Planned("filing", "signed", 2, 3), Planned("land", "signed", 5, 25), Planned("permit", "land", 3, 30),
                new PlannedNode("start", "permit", 1, new DateOnly(2026, 10, 8), null), Planned("eia", "land", 1, 28, done: 24),
                Planned("audit", "eia", 2, 30),
            ],
            "land", new DateOnly(2026, 9, 30), China2026);
        Assert.Equal(new Dictionary<string, DateOnly> { ["permit"] = new(2026, 10, 10), ["start"] = new(2026, 10, 12) }, moved);
    }

    [Fact]
    public void A_replan_to_the_same_day_moves_nothing() =>
        Assert.Empty(PlanDating.Follow(
            [new PlannedNode("land", "signed", 5, new DateOnly(2026, 9, 25), null), new PlannedNode("permit", "land", 3, new DateOnly(2026, 9, 30), null)],
            "land", new DateOnly(2026, 9, 25), China2026));

    [Fact]
    public void A_node_anchored_on_a_later_node_cannot_be_dated() =>
        Assert.Throws<InvalidOperationException>(() =>
            PlanDating.Date([Node("a", "b", 1), Node("b", "signed", 1)], new DateOnly(2026, 9, 29), China2026));

    [Fact]
    public void The_earliest_of_a_nodes_alternative_facts_fulfils_it_and_others_do_not()
    {
        var facts = new Dictionary<string, DateOnly>
        {
            ["approval:verification"] = new(2026, 11, 5), ["approval:filing"] = new(2026, 11, 3), ["land"] = new(2026, 12, 1),
        };
        Assert.Equal(new DateOnly(2026, 11, 3), FactKeys.FulfilledOn("approval:filing|approval:verification", facts));
        Assert.Equal(new DateOnly(2026, 12, 1), FactKeys.FulfilledOn("land", facts));
        Assert.Null(FactKeys.FulfilledOn("approval:eia-report|approval:eia-form", facts));
        Assert.Null(FactKeys.FulfilledOn(null, facts));
    }

    [Theory]
    [InlineData(ProjectState.Registered, "registered")]
    [InlineData(ProjectState.LandAcquired, "land")]
    [InlineData(ProjectState.UnderConstruction, "construction-start")]
    [InlineData(ProjectState.InProduction, "production")]
    [InlineData(ProjectState.Signed, null)]        // signing records its own fact, with the agreement's day
    [InlineData(ProjectState.Stalled, null)]
    public void Each_stage_establishes_its_fact(ProjectState state, string? key) => Assert.Equal(key, FactKeys.ForState(state));

    [Fact]
    public void Template_rules_name_the_field_at_fault()
    {
        TemplatePhase[] phases =
        [
            new("前期", [new("签约", [
                Node("signed", "signed", 0, "signed"),
                Node("signed", "nowhere", -1, "approval:"),
                new("Bad Code", null, null, "signed", 1, [""], "lunch")])]),
            new("审批", []),
        ];
        var errors = TemplateRules.Check("", ["四产"], phases).ToProblem().ProblemDetails.Errors;
        Assert.Contains("name", errors.Keys);
        Assert.Contains("sectors", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[0].code", errors.Keys);   // 'signed' is the anchor's name
        Assert.Contains("phases[0].steps[0].nodes[1].anchor", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[1].offsetWorkingDays", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[1].fulfilledBy", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[2].code", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[2].name", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[2].evidenceRequired", errors.Keys);
        Assert.Contains("phases[0].steps[0].nodes[2].fulfilledBy", errors.Keys);
        Assert.Contains("phases[1].steps", errors.Keys);
    }

    [Fact]
    public void Null_phases_steps_and_nodes_are_refused_by_position_and_so_are_too_many_nodes()
    {
        TemplatePhase[] nulls = [null!, new("审批", [null!, new("立项", [null!])])];
        var errors = TemplateRules.Check("模板", null, nulls).ToProblem().ProblemDetails.Errors;
        Assert.Equal(["phases[0]", "phases[1].steps[0]", "phases[1].steps[1].nodes[0]"], errors.Keys.Order());

        var many = Enumerable.Range(0, TemplateRules.MaxNodes + 1).Select(i => Node($"n{i}", "signed", 1)).ToList();
        Assert.Contains("phases", TemplateRules.Check("模板", null, [new("前期", [new("全部", many)])]).ToProblem().ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void A_well_formed_template_passes() =>
        Assert.True(TemplateRules.Check("农业项目", ["一产"],
        [
            new("前期", [new("签约", [Node("sign", "signed", 0, "signed"), Node("filing", "sign", 10, "approval:filing|approval:verification")])]),
        ]).IsValid);

    [Fact]
    public void The_template_naming_a_projects_sector_wins_over_the_default()
    {
        var fallback = new NodePlanTemplate(Guid.NewGuid(), "通用", [], true, [], 1);
        var farming = new NodePlanTemplate(Guid.NewGuid(), "农业", ["一产"], false, [], 1);
        var services = new NodePlanTemplate(Guid.NewGuid(), "服务业", ["三产"], false, [], 1);
        Assert.Same(farming, ProjectSectors.Choose([fallback, farming, services], "一产"));
        Assert.Same(services, ProjectSectors.Choose([fallback, farming, services], "三产"));
        Assert.Same(fallback, ProjectSectors.Choose([fallback, farming, services], "二产"));
        Assert.Same(fallback, ProjectSectors.Choose([fallback, farming, services], null));
    }

    [Fact]
    public void A_node_is_graded_on_the_day_asked_from_its_planned_and_completed_dates()
    {
        var rule = new WarningRule(new WarningOptions { YellowWithinWorkingDays = 2, EscalateToLeaderAfter = 3, EscalateToBureauAfter = 6 }, China2026);
        var due = new DateOnly(2026, 11, 20);
        Assert.Equal(("pending", "green", 4), NodeGrading.On(due, null, rule, new DateOnly(2026, 11, 16)));
        Assert.Equal(("pending", WarningGrades.Yellow, 2), NodeGrading.On(due, null, rule, new DateOnly(2026, 11, 18)));
        Assert.Equal(("pending", WarningGrades.Red, 3), NodeGrading.On(due, new DateOnly(2026, 11, 26), rule, new DateOnly(2026, 11, 25)));
        Assert.Equal(("done", "green", 0), NodeGrading.On(due, new DateOnly(2026, 11, 26), rule, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void The_warning_window_ends_the_day_before_the_first_working_day_past_it()
    {
        // Wednesday 18 November, two working days: Thursday and Friday are in it, and so is the weekend after.
        Assert.Equal(new DateOnly(2026, 11, 22), Zhaoshang.Project.NodePlans.Warnings.OpenNodes.WindowEnd(new DateOnly(2026, 11, 18), 2, China2026));
    }

    [Theory]
    [InlineData(2, 3, 6)]
    [InlineData(3, 5, 10)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 6, 2)]      // the bureau's limit the shorter: no leader grade at all
    public void The_grade_cutoffs_give_every_planned_date_the_rules_grade(int yellowWithin, int leaderAfter, int bureauAfter)
    {
        var options = new WarningOptions
        {
            YellowWithinWorkingDays = yellowWithin, EscalateToLeaderAfter = leaderAfter, EscalateToBureauAfter = bureauAfter,
        };
        var rule = new WarningRule(options, China2026);
        // Every day around National Day (holidays, the worked Saturday, weekends), against every planned date a month either side.
        for (var asOf = new DateOnly(2026, 9, 20); asOf <= new DateOnly(2026, 10, 20); asOf = asOf.AddDays(1))
        {
            var cutoffs = GradeCutoffs.On(asOf, options, China2026);
            for (var planned = asOf.AddDays(-40); planned <= asOf.AddDays(40); planned = planned.AddDays(1))
            {
                var grade = rule.On(planned, asOf).Grade;
                foreach (var asked in WarningGrades.All.Append(null))
                {
                    var (from, to) = cutoffs.Planned(asked);
                    var listed = grade is not null && (asked is null || asked == grade);
                    Assert.True(listed == (planned >= from && planned <= to), $"{asked ?? "any"} on {asOf}, planned {planned} ({grade ?? "green"})");
                }
            }
        }
    }
}
