using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// Every endpoint × every caller: allowed calls succeed, the others get 401/403 — or 404 where saying "forbidden"
/// would reveal that another district's record exists — and a refused call writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public class AccessMatrixTests(SystemFixture system)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<Shared>? _shared;

    /// <summary>A signed project in 安宁市 / 安宁工业园区 (and its intent and enterprise) that reads ask about.</summary>
    private sealed record Shared(Guid EnterpriseId, Guid IntentId, Guid ProjectId, Guid EventId, Guid ClaimId);

    /// <summary>One request, and how to check that it changed nothing when it was refused.</summary>
    private sealed record Call(
        ServiceProcess Service, HttpMethod Method, string Path, object? Body = null, Func<Task>? NothingWritten = null, string? IdempotencyKey = null);

    private delegate Task<Call> Prepare(AccessMatrixTests test, Shared shared, string caller, int expected);

    private static readonly Dictionary<string, int> ReadAll = Callers.Expect(200);
    private static readonly Dictionary<string, int> ReadIntent = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 404), ("auditor", 200));
    private static readonly Dictionary<string, int> ListIntents = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 200), ("auditor", 200));
    private static readonly Dictionary<string, int> ReadAudit = Callers.Expect(403, ("bureau", 200), ("auditor", 200));
    private static readonly Dictionary<string, int> ChangeUnscoped = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 200));
    private static readonly Dictionary<string, int> ChangeIntent = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 404));
    private static readonly Dictionary<string, int> ChangeButConflict = Callers.Expect(403, ("bureau", 409), ("district", 409), ("other-district", 404));
    private static readonly Dictionary<string, int> ReadProject = Callers.Expect(200, ("other-district", 404), ("other-park", 404));
    private static readonly Dictionary<string, int> ReadCase = Callers.Expect(200, ("other-district", 404), ("other-park", 404), ("finance", 403));
    private static readonly Dictionary<string, int> BureauOnly = Callers.Expect(403, ("bureau", 200));
    private static readonly Dictionary<string, int> FinanceOnly = Callers.Expect(403, ("finance", 200));
    private static readonly Dictionary<string, int> IncentiveReaders = Callers.Expect(403, ("bureau", 200), ("finance", 200), ("auditor", 200));
    private static readonly Dictionary<string, int> StatsReaders = Callers.Expect(200, ("park", 403), ("other-park", 403));

    private static readonly Dictionary<string, (Dictionary<string, int> Expected, Prepare Prepare)> Endpoints = new()
    {
        ["GET lead /api/enterprises/{id}"] = (ReadAll, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/enterprises/{s.EnterpriseId}")),
        ["GET lead /api/enterprises"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, "/api/enterprises?priority=A")),
        ["GET lead /api/enterprises/export"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, "/api/enterprises/export?priority=A")),
        ["GET lead /api/enterprises/import-template"] = (ChangeUnscoped, (t, _, _, _) => Get(t.Fixture.Lead, "/api/enterprises/import-template")),
        // A caller who may import gets as far as reading the body (there is none); the others are refused first.
        ["POST lead /api/enterprises/import"] = (Callers.Expect(403, ("bureau", 400), ("district", 400), ("other-district", 400)),
            (t, _, _, _) => Task.FromResult(new Call(t.Fixture.Lead, HttpMethod.Post, "/api/enterprises/import"))),
        ["GET lead /api/intents/export"] = (ListIntents, (t, _, _, _) => Get(t.Fixture.Lead, "/api/intents/export?status=Converted")),
        ["GET project /api/projects/import-template"] = (ChangeUnscoped, (t, _, _, _) => Get(t.Fixture.Project, "/api/projects/import-template")),
        ["POST project /api/projects/import"] = (Callers.Expect(403, ("bureau", 400), ("district", 400), ("other-district", 400)),
            (t, _, _, _) => Task.FromResult(new Call(t.Fixture.Project, HttpMethod.Post, "/api/projects/import"))),
        ["GET project /api/projects/export"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/projects/export?state=Signed")),
        ["GET lead /api/industry-chains/{chain}"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, $"/api/industry-chains/{Uri.EscapeDataString("绿色铝")}")),
        ["GET lead /api/events"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, "/api/events?year=2026")),
        ["GET lead /api/events/export"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, "/api/events/export?year=2026&quarter=1")),
        ["GET lead /api/events/{id}"] = (ReadAll, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/events/{s.EventId}")),
        ["GET lead /api/events/quarters-without-major-event"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, "/api/events/quarters-without-major-event?year=2026")),
        ["GET lead /api/intents/{id}"] = (ReadIntent, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/intents/{s.IntentId}")),
        ["GET lead /api/intents/{id}/history"] = (ReadIntent, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/intents/{s.IntentId}/history")),
        ["GET lead /api/intents/{id}/follow-ups"] = (ReadIntent, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/intents/{s.IntentId}/follow-ups")),
        ["GET lead /api/intents"] = (ListIntents, (t, _, _, _) => Get(t.Fixture.Lead, "/api/intents?status=Converted")),
        ["GET lead /api/intents/overdue"] = (ListIntents, (t, _, _, _) => Get(t.Fixture.Lead, "/api/intents/overdue")),
        ["GET lead /api/search"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Lead, $"/api/search?q={Uri.EscapeDataString("绿色铝")}")),
        ["GET project /api/search"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, $"/api/search?q={Uri.EscapeDataString("绿色铝")}")),
        ["GET project /api/projects"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/projects?state=Signed")),
        ["GET project /api/projects/{id}"] = (ReadProject, (t, s, _, _) => Get(t.Fixture.Project, $"/api/projects/{s.ProjectId}")),
        ["GET project /api/projects/{id}/timeline"] = (ReadProject, (t, s, _, _) => Get(t.Fixture.Project, $"/api/projects/{s.ProjectId}/timeline")),
        ["GET project /api/parks"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/parks")),
        ["GET project /api/parks/{id}"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/parks/0190f1a0-0000-7000-8000-000000000003")),
        ["GET project /api/parks/recommendations"] = (ReadAll,
            (t, _, _, _) => Get(t.Fixture.Project, $"/api/parks/recommendations?industry={Uri.EscapeDataString("新能源电池")}")),
        ["GET project /api/kpis"] = (Callers.Expect(200, ("park", 403), ("other-park", 403)), (t, _, _, _) => Get(t.Fixture.Project, "/api/kpis?year=2026")),
        ["GET project /api/statistics"] = (StatsReaders, (t, _, _, _) => Get(t.Fixture.Project, "/api/statistics?year=2026&quarter=4&groupBy=district")),
        ["GET project /api/statistics/targets"] = (StatsReaders, (t, _, _, _) => Get(t.Fixture.Project, "/api/statistics/targets?year=2026")),
        ["GET project /api/statistics/meeting-workbook"] = (StatsReaders, (t, _, _, _) => Get(t.Fixture.Project, "/api/statistics/meeting-workbook?year=2026&quarter=4")),
        ["PUT project /api/statistics/targets/{year}/{indicator}"] = (BureauOnly, (t, _, caller, _) =>
        {
            var year = 2050 + Array.IndexOf(Callers.Names, caller);
            return Task.FromResult(new Call(t.Fixture.Project, HttpMethod.Put, $"/api/statistics/targets/{year}/StartedCount", new { value = 12m, version = (int?)null },
                () => t.AssertCountAsync(t.Fixture.Project, 0, "SELECT count(*) FROM statistics_targets WHERE year = @year", new { year })));
        }),
        ["GET approval /api/projects/{id}/approval-case"] = (ReadCase, (t, s, _, _) => Get(t.Fixture.Approval, $"/api/projects/{s.ProjectId}/approval-case")),
        ["GET approval /api/projects/{id}/approval-case/items/{code}/history"] = (ReadCase,
            (t, s, _, _) => Get(t.Fixture.Approval, $"/api/projects/{s.ProjectId}/approval-case/items/filing/history")),
        ["GET approval /api/approval-items/overdue"] = (Callers.Expect(200, ("finance", 403)), (t, _, _, _) => Get(t.Fixture.Approval, "/api/approval-items/overdue")),
        ["GET approval /api/approval-items/overdue/export"] = (Callers.Expect(200, ("finance", 403)), (t, _, _, _) => Get(t.Fixture.Approval, "/api/approval-items/overdue/export")),
        ["GET project /api/projects/{id}/nodes"] = (ReadProject, (t, s, _, _) => Get(t.Fixture.Project, $"/api/projects/{s.ProjectId}/nodes")),
        ["GET project /api/projects/{id}/nodes/history"] = (ReadProject, (t, s, _, _) => Get(t.Fixture.Project, $"/api/projects/{s.ProjectId}/nodes/history")),
        ["GET project /api/me/nodes"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/me/nodes")),
        ["GET project /api/node-warnings"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/node-warnings")),
        ["GET project /api/node-plan-templates"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/node-plan-templates")),
        ["POST project /api/projects/{id}/nodes/{nodeId}/completion"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var projectId = await t.ProjectForAsync(s, expected);
            const string Node = "FROM project_nodes WHERE project_id = @projectId AND code = 'registered'";
            var nodeId = await t.Fixture.ScalarAsync<Guid>(t.Fixture.Project, "SELECT id " + Node, new { projectId });
            var version = await t.Fixture.ScalarAsync<int>(t.Fixture.Project, "SELECT version " + Node, new { projectId });
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{projectId}/nodes/{nodeId}/completion",
                new { completedOn = Journey.Today, note = "权限矩阵：营业执照已核验", version },
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT count(*) FROM project_nodes WHERE id = @nodeId AND completed_on IS NULL", new { nodeId }));
        }),
        ["GET notification /api/inbox"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Notification, "/api/inbox")),
        ["GET notification /api/warnings/summary"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Notification, "/api/warnings/summary")),
        ["GET notification /api/warnings/export"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Notification, "/api/warnings/export?grade=bureau")),
        ["GET notification /api/notification-channels"] = (BureauOnly, (t, _, _, _) => Get(t.Fixture.Notification, "/api/notification-channels")),
        ["GET notification /api/notification-deliveries"] = (Callers.Expect(403, ("bureau", 200), ("auditor", 200)),
            (t, _, _, _) => Get(t.Fixture.Notification, "/api/notification-deliveries")),
        ["GET project /api/working-calendar"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/working-calendar?year=2026")),
        // A year far off, so that the bureau's change moves no deadline of the other tests.
        ["PUT project /api/working-calendar/{year}"] = (BureauOnly, async (t, _, _, _) =>
        {
            const string held = "SELECT coalesce(max(version), 0)::int FROM working_calendar_years WHERE year = 2099";
            var version = await t.Fixture.ScalarAsync<int>(t.Fixture.Project, held);
            return new Call(t.Fixture.Project, HttpMethod.Put, "/api/working-calendar/2099",
                new { holidays = new[] { new DateOnly(2099, 1, 1) }, workingWeekendDays = Array.Empty<DateOnly>(), version },
                () => t.AssertCountAsync(t.Fixture.Project, version, held, new { }));
        }),
        ["GET project /api/dictionaries"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Project, "/api/dictionaries")),
        ["PUT project /api/dictionaries/industries/{code}"] = (BureauOnly, (t, _, _, _) =>
            NewDictionaryEntry(t, "industries", code => new { name = $"权限测试行业{code}", sector = "二产", version = 0 })),
        ["PUT project /api/dictionaries/regions/{code}"] = (BureauOnly, (t, _, _, _) =>
            NewDictionaryEntry(t, "regions", code => new { name = $"权限测试区域{code}", places = new[] { $"权限测试地{code}" }, version = 0 })),
        ["PUT project /api/dictionaries/districts/{code}"] = (BureauOnly, (t, _, _, _) =>
            NewDictionaryEntry(t, "districts", code => new { name = $"权限测试区{code}", version = 0 })),
        ["POST project /api/parks"] = (Callers.Expect(403, ("bureau", 201)), (t, _, _, _) =>
        {
            var name = $"权限测试园区{Guid.NewGuid():N}";
            return Task.FromResult(new Call(t.Fixture.Project, HttpMethod.Post, "/api/parks",
                new { name, level = "Municipal", district = "官渡区", leadingIndustries = new[] { "现代物流" } },
                () => t.AssertCountAsync(t.Fixture.Project, 0, "SELECT count(*) FROM parks WHERE name = @name", new { name })));
        }),
        ["PUT project /api/parks/{id}"] = (BureauOnly, async (t, _, _, _) =>
        {
            var id = await t.NewParkAsync();
            return new Call(t.Fixture.Project, HttpMethod.Put, $"/api/parks/{id}",
                new { name = $"改名园区{Guid.NewGuid():N}", level = "Municipal", district = "官渡区", leadingIndustries = new[] { "数字经济" }, version = 1 },
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT version FROM parks WHERE id = @id", new { id }));
        }),
        ["DELETE project /api/parks/{id}"] = (Callers.Expect(403, ("bureau", 204)), async (t, _, _, _) =>
        {
            var id = await t.NewParkAsync();
            return new Call(t.Fixture.Project, HttpMethod.Delete, $"/api/parks/{id}", null,
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT count(*) FROM parks WHERE id = @id", new { id }));
        }),
        ["POST project /api/projects/{id}/register"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/register",
                new { companyName = "权限测试项目公司", companyUscc = TestData.NewUscc() }, () => t.UnchangedAsync(id));
        }),
        ["POST project /api/projects/{id}/acquire-land"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            if (expected < 400)
                await t.Bureau.RegisterAsync(id);
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/acquire-land",
                new { parcelId = "KCZ-ACCESS", areaMu = 100m, contractDate = Journey.Today }, () => t.UnchangedAsync(id));
        }),
        ["POST project /api/projects/{id}/stall"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/stall", new { reason = "企业资金链紧张" }, () => t.UnchangedAsync(id));
        }),
        ["POST project /api/projects/{id}/transfer"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/transfer", new { toDistrict = "官渡区", reason = "园区匹配" },
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT count(*) FROM projects WHERE id = @id AND district = @District", new { id, Journey.District }));
        }),
        ["POST project /api/projects/{id}/terminate"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/terminate", new { reason = "企业撤资" }, () => t.UnchangedAsync(id));
        }),
        ["POST project /api/projects/{id}/start-construction"] = (ChangeButConflict, (t, s, _, _) => Task.FromResult(
            new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{s.ProjectId}/start-construction", new { }, () => t.UnchangedAsync(s.ProjectId)))),
        ["POST project /api/projects/{id}/go-live"] = (ChangeButConflict, (t, s, _, _) => Task.FromResult(
            new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{s.ProjectId}/go-live", new { }, () => t.UnchangedAsync(s.ProjectId)))),
        ["POST project /api/projects/{id}/resume"] = (ChangeButConflict, (t, s, _, _) => Task.FromResult(
            new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{s.ProjectId}/resume", new { }, () => t.UnchangedAsync(s.ProjectId)))),
        ["POST approval .../items/{code}/grant"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Approval, HttpMethod.Post, $"/api/projects/{id}/approval-case/items/filing/grant", null,
                () => t.ItemUnchangedAsync(id, "filing"));
        }),
        ["POST approval .../items/{code}/reject"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Approval, HttpMethod.Post, $"/api/projects/{id}/approval-case/items/filing/reject",
                new { reason = "不符合产业政策" }, () => t.ItemUnchangedAsync(id, "filing"));
        }),
        ["POST approval .../items/{code}/accept-with-deficiency"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            return new Call(t.Fixture.Approval, HttpMethod.Post, $"/api/projects/{id}/approval-case/items/filing/accept-with-deficiency",
                new { missingDocuments = new[] { "法人授权委托书" }, committedOn = Journey.Today.AddDays(5) }, () => t.ItemUnchangedAsync(id, "filing"));
        }),
        ["POST approval .../items/{code}/supply-documents"] = (ChangeButConflict, (t, s, _, _) => Task.FromResult(
            new Call(t.Fixture.Approval, HttpMethod.Post, $"/api/projects/{s.ProjectId}/approval-case/items/filing/supply-documents", null,
                () => t.ItemUnchangedAsync(s.ProjectId, "filing")))),
        ["POST approval .../items/{code}/resubmit"] = (ChangeButConflict, (t, s, _, _) => Task.FromResult(
            new Call(t.Fixture.Approval, HttpMethod.Post, $"/api/projects/{s.ProjectId}/approval-case/items/filing/resubmit",
                new { reason = "已补正材料" }, () => t.ItemUnchangedAsync(s.ProjectId, "filing")))),
        ["GET funding /api/projects/{id}/ledger"] = (Callers.Expect(200, ("other-district", 404), ("other-park", 404)),
            (t, s, _, _) => Get(t.Fixture.Funding, $"/api/projects/{s.ProjectId}/ledger")),
        ["GET lead /api/audit"] = (ReadAudit, (t, s, _, _) => Get(t.Fixture.Lead, $"/api/audit?recordId={s.IntentId}")),
        ["GET project /api/audit"] = (ReadAudit, (t, s, _, _) => Get(t.Fixture.Project, $"/api/audit?recordId={s.ProjectId}")),
        ["GET approval /api/audit"] = (ReadAudit, (t, s, _, _) => Get(t.Fixture.Approval, $"/api/audit?recordId={s.ProjectId}")),
        ["GET funding /api/audit"] = (ReadAudit, (t, s, _, _) => Get(t.Fixture.Funding, $"/api/audit?recordId={s.ProjectId}")),
        ["GET lead /api/outbox/dead-letters"] = (BureauOnly, (t, _, _, _) => Get(t.Fixture.Lead, "/api/outbox/dead-letters")),
        // No row has this id: the bureau gets as far as 404, everyone else is refused before the lookup.
        ["POST funding /api/outbox/dead-letters/{id}/requeue"] = (Callers.Expect(403, ("bureau", 404)), (t, _, _, _) =>
            Task.FromResult(new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/outbox/dead-letters/{Guid.NewGuid()}/requeue"))),
        ["POST lead /api/enterprises"] = (Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 201)), (t, _, caller, _) =>
        {
            var uscc = TestData.NewUscc();
            return Task.FromResult(new Call(t.Fixture.Lead, HttpMethod.Post, "/api/enterprises",
                new { name = $"权限测试企业 {caller}", uscc, hqRegion = "京津冀", industryChain = "生物医药", chainRole = "Supplier" },
                () => t.AssertCountAsync(t.Fixture.Lead, 0, "SELECT count(*) FROM enterprises WHERE uscc = @uscc", new { uscc })));
        }),
        ["PUT lead /api/enterprises/{id}"] = (ChangeUnscoped, async (t, _, _, _) =>
        {
            var uscc = TestData.NewUscc();
            var id = (await t.Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, t.Fixture.Lead, HttpMethod.Post, "/api/enterprises",
                new { name = "待修改企业", uscc, hqRegion = "成渝", industryChain = "电子信息", chainRole = "Supplier" })).GetProperty("id").GetGuid();
            return new Call(t.Fixture.Lead, HttpMethod.Put, $"/api/enterprises/{id}",
                new { name = "已修改企业", uscc, hqRegion = "成渝", industryChain = "电子信息", chainRole = "ChainLeader", version = 1 },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT version FROM enterprises WHERE id = @id", new { id }));
        }),
        ["PUT lead /api/events/{id}"] = (ChangeUnscoped, async (t, _, _, _) =>
        {
            var id = (await t.Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, t.Fixture.Lead, HttpMethod.Post, "/api/events",
                new { title = "待更正推介会", type = "Forum", region = "成渝", startsOn = "2026-05-01", leader = "市领导", major = false }))
                .GetProperty("id").GetGuid();
            return new Call(t.Fixture.Lead, HttpMethod.Put, $"/api/events/{id}",
                new { title = "已更正推介会", type = "Forum", region = "成渝", startsOn = "2026-05-02", leader = "市领导", major = false, version = 1 },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT version FROM promotion_events WHERE id = @id", new { id }));
        }),
        ["PUT lead /api/intents/{id}"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false);
            return new Call(t.Fixture.Lead, HttpMethod.Put, $"/api/intents/{id}",
                new { industry = "新能源电池", intendedInvestment = 600_000_000m, receivedOn = Journey.Today, version = 1 },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT version FROM cooperation_intents WHERE id = @id", new { id }));
        }),
        ["PUT project /api/projects/{id}/master-data"] = (ChangeIntent, async (t, s, _, expected) =>
        {
            var id = await t.ProjectForAsync(s, expected);
            var version = (await t.Bureau.ExpectAsync(System.Net.HttpStatusCode.OK, t.Fixture.Project, HttpMethod.Get, $"/api/projects/{id}"))
                .GetProperty("version").GetInt32();
            return new Call(t.Fixture.Project, HttpMethod.Put, $"/api/projects/{id}/master-data", new { name = "权限矩阵项目", jobs = 100, version },
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT count(*) FROM projects WHERE id = @id AND name IS NULL", new { id }));
        }),
        ["PUT funding /api/funds-reports/{id}"] = (ChangeIntent, async (t, s, _, _) =>
        {
            var id = await t.NewFundsReportAsync(s.ProjectId);
            return new Call(t.Fixture.Funding, HttpMethod.Put, $"/api/funds-reports/{id}",
                new { amount = 600_000m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today, evidenceRef = "权限矩阵更正凭证", version = 1 },
                () => t.AssertCountAsync(t.Fixture.Funding, 1, "SELECT count(*) FROM funds_reports WHERE id = @id AND version = 1 AND amount = 500000", new { id }));
        }),
        ["POST lead /api/events"] = (Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 201)), (t, _, _, _) =>
        {
            var title = $"权限测试推介会 {Guid.NewGuid():N}";
            return Task.FromResult(new Call(t.Fixture.Lead, HttpMethod.Post, "/api/events",
                new { title, type = "Conference", region = "京津冀", startsOn = "2026-09-01", leader = "市领导", major = false },
                () => t.AssertCountAsync(t.Fixture.Lead, 0, "SELECT count(*) FROM promotion_events WHERE title = @title", new { title })));
        }),
        ["POST lead /api/intents"] = (Callers.Expect(403, ("bureau", 201), ("district", 201)), async (t, _, _, _) =>
        {
            var enterpriseId = await t.Bureau.CreateEnterpriseAsync();
            return new Call(t.Fixture.Lead, HttpMethod.Post, "/api/intents",
                new { enterpriseId, industry = "绿色铝", intendedInvestment = 500_000_000m, district = Journey.District },
                () => t.AssertCountAsync(t.Fixture.Lead, 0, "SELECT count(*) FROM cooperation_intents WHERE enterprise_id = @enterpriseId", new { enterpriseId }));
        }),
        ["PUT lead /api/intents/{id}/task-team"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false);
            return new Call(t.Fixture.Lead, HttpMethod.Put, $"/api/intents/{id}/task-team",
                new { leadOfficial = "副市长", members = new[] { "投促局局长" }, department = "投资促进局" },
                () => t.AssertCountAsync(t.Fixture.Lead, 0, "SELECT count(*) FROM cooperation_intents WHERE id = @id AND task_team IS NOT NULL", new { id }));
        }),
        ["POST lead /api/intents/{id}/follow-ups"] = (Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 404)), async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false);
            return new Call(t.Fixture.Lead, HttpMethod.Post, $"/api/intents/{id}/follow-ups",
                new { kind = "Call", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), summary = "电话沟通" },
                () => t.AssertCountAsync(t.Fixture.Lead, 0, "SELECT count(*) FROM intent_follow_ups WHERE intent_id = @id", new { id }));
        }),
        ["POST lead /api/intents/{id}/qualify"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false, followed: true);
            return new Call(t.Fixture.Lead, HttpMethod.Post, $"/api/intents/{id}/qualify", new { reason = "研判通过" },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT count(*) FROM cooperation_intents WHERE id = @id AND status = 'Following'", new { id }));
        }),
        ["POST lead /api/intents/{id}/drop"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false);
            return new Call(t.Fixture.Lead, HttpMethod.Post, $"/api/intents/{id}/drop", new { reason = "企业放弃投资" },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT count(*) FROM cooperation_intents WHERE id = @id AND status = 'New'", new { id }));
        }),
        ["POST lead /api/intents/{id}/transfer"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: false);
            return new Call(t.Fixture.Lead, HttpMethod.Post, $"/api/intents/{id}/transfer", new { toDistrict = "官渡区", reason = "用地不足" },
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT count(*) FROM cooperation_intents WHERE id = @id AND district = @District",
                    new { id, Journey.District }));
        }),
        ["POST lead /api/intents/{id}/convert"] = (Callers.Expect(403, ("bureau", 202), ("district", 202), ("other-district", 404)), async (t, _, _, _) =>
        {
            var id = await t.NewIntentAsync(qualified: true);
            return new Call(t.Fixture.Lead, HttpMethod.Post, $"/api/intents/{id}/convert", null,
                () => t.AssertCountAsync(t.Fixture.Lead, 1, "SELECT count(*) FROM cooperation_intents WHERE id = @id AND status = 'Qualified'", new { id }));
        }),
        ["POST project /api/projects/{id}/sign"] = (ChangeIntent, async (t, _, _, _) =>
        {
            var id = await t.Bureau.StartProjectAsync();
            await t.Bureau.WaitForProjectAsync(id, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
            return new Call(t.Fixture.Project, HttpMethod.Post, $"/api/projects/{id}/sign",
                new { agreementNo = "KM-ACCESS", signedOn = "2026-11-20", contractedInvestment = 800_000_000m, park = Journey.Park },
                () => t.AssertCountAsync(t.Fixture.Project, 1, "SELECT count(*) FROM projects WHERE id = @id AND state = 'Negotiating' AND version = 1", new { id }));
        }),
        ["GET funding /api/projects/{id}/funds-reports"] = (ReadProject, (t, s, _, _) => Get(t.Fixture.Funding, $"/api/projects/{s.ProjectId}/funds-reports")),
        ["GET funding /api/exchange-rates/{currency}"] = (ReadAll, (t, _, _, _) => Get(t.Fixture.Funding, "/api/exchange-rates/USD")),
        ["GET funding /api/stats/funds"] = (StatsReaders, (t, _, _, _) => Get(t.Fixture.Funding, "/api/stats/funds?year=2026")),
        ["GET funding /api/stats/funds.csv"] = (StatsReaders, (t, _, _, _) => Get(t.Fixture.Funding, "/api/stats/funds.csv?year=2026")),
        ["GET funding /api/incentive-policies"] = (IncentiveReaders, (t, _, _, _) => Get(t.Fixture.Funding, "/api/incentive-policies")),
        ["GET funding /api/projects/{id}/incentive-claims"] = (IncentiveReaders, (t, s, _, _) => Get(t.Fixture.Funding, $"/api/projects/{s.ProjectId}/incentive-claims")),
        ["GET funding /api/incentive-claims/{id}"] = (IncentiveReaders, (t, s, _, _) => Get(t.Fixture.Funding, $"/api/incentive-claims/{s.ClaimId}")),
        ["GET funding /api/incentive-payments.csv"] = (IncentiveReaders, (t, _, _, _) => Get(t.Fixture.Funding, "/api/incentive-payments.csv")),
        ["POST funding /api/projects/{id}/funds-reports"] = (Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 404)), (t, s, _, _) =>
        {
            var evidence = $"权限测试凭证{Guid.NewGuid():N}";
            return Task.FromResult(new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/projects/{s.ProjectId}/funds-reports",
                new { amount = 1_000_000m, currency = "CNY", source = "OutsideProvince", use = "WorkingCapital", reportedOn = Journey.Today, evidenceRef = evidence },
                () => t.AssertCountAsync(t.Fixture.Funding, 0, "SELECT count(*) FROM funds_reports WHERE evidence_ref = @evidence", new { evidence })));
        }),
        ["POST funding /api/funds-reports/{id}/verify"] = (FinanceOnly, async (t, s, _, _) =>
        {
            var id = await t.NewFundsReportAsync(s.ProjectId);
            return new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/funds-reports/{id}/verify", null, () => t.ReportedAsync(id));
        }),
        ["POST funding /api/funds-reports/{id}/reject"] = (FinanceOnly, async (t, s, _, _) =>
        {
            var id = await t.NewFundsReportAsync(s.ProjectId);
            return new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/funds-reports/{id}/reject", new { reason = "凭证不全" }, () => t.ReportedAsync(id));
        }),
        ["PUT funding /api/exchange-rates/{currency}/{date}"] = (Callers.Expect(403, ("bureau", 200), ("finance", 200)), (t, _, caller, _) =>
        {
            var day = new DateOnly(2001, 1, 1).AddDays(Array.IndexOf(Callers.Names, caller) + Random.Shared.Next(3000) * 20);
            return Task.FromResult(new Call(t.Fixture.Funding, HttpMethod.Put, $"/api/exchange-rates/USD/{day:yyyy-MM-dd}", new { cnyPerUnit = 6.5m },
                () => t.AssertCountAsync(t.Fixture.Funding, 0, "SELECT count(*) FROM exchange_rates WHERE rate_date = @day::date", new { day = day.ToString("yyyy-MM-dd") })));
        }),
        ["POST funding /api/incentive-policies"] = (Callers.Expect(403, ("bureau", 201)), (t, _, _, _) =>
        {
            var name = $"权限测试奖励政策{Guid.NewGuid():N}";
            return Task.FromResult(new Call(t.Fixture.Funding, HttpMethod.Post, "/api/incentive-policies", PolicyBody(name),
                () => t.AssertCountAsync(t.Fixture.Funding, 0, "SELECT count(*) FROM incentive_policies WHERE name = @name", new { name })));
        }),
        ["POST funding /api/incentive-claims"] = (Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 404)), async (t, s, _, _) =>
        {
            var policyId = await t.NewPolicyAsync();
            return new Call(t.Fixture.Funding, HttpMethod.Post, "/api/incentive-claims", new { projectId = s.ProjectId, policyId },
                () => t.AssertCountAsync(t.Fixture.Funding, 0, "SELECT count(*) FROM incentive_claims WHERE policy_id = @policyId", new { policyId }));
        }),
        ["POST funding /api/incentive-claims/{id}/approve"] = (FinanceOnly, async (t, s, _, expected) =>
        {
            var id = expected < 400 ? await t.NewClaimAsync(s.ProjectId) : s.ClaimId;
            return new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/incentive-claims/{id}/approve", null, () => t.ClaimRaisedAsync(id));
        }),
        ["POST funding /api/incentive-claims/{id}/reject"] = (FinanceOnly, async (t, s, _, expected) =>
        {
            var id = expected < 400 ? await t.NewClaimAsync(s.ProjectId) : s.ClaimId;
            return new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/incentive-claims/{id}/reject", new { reason = "不符合政策条件" }, () => t.ClaimRaisedAsync(id));
        }),
        ["POST funding /api/incentive-claims/{id}/payments"] = (Callers.Expect(403, ("finance", 201)), async (t, s, _, expected) =>
        {
            var id = expected < 400 ? await t.NewClaimAsync(s.ProjectId, approved: true) : s.ClaimId;
            return new Call(t.Fixture.Funding, HttpMethod.Post, $"/api/incentive-claims/{id}/payments", null,
                () => t.AssertCountAsync(t.Fixture.Funding, 0, "SELECT count(*) FROM incentive_payments WHERE claim_id = @id", new { id }),
                $"access-{Guid.NewGuid():N}");
        }),
        ["POST approval /api/integrations/tzxm/decisions"] = (Callers.Expect(401), (t, s, _, _) =>
        {
            var decisionId = $"ACCESS-{Guid.NewGuid():N}";
            return Task.FromResult(new Call(t.Fixture.Approval, HttpMethod.Post, "/api/integrations/tzxm/decisions",
                new { decisionId, projectId = s.ProjectId, itemCode = "filing", outcome = "Granted", decidedAt = DateTimeOffset.UtcNow },
                () => t.AssertCountAsync(t.Fixture.Approval, 0, "SELECT count(*) FROM external_decisions WHERE decision_id = @decisionId", new { decisionId })));
        }),
    };

    public static IEnumerable<object[]> Cases() =>
        from endpoint in Endpoints
        from caller in endpoint.Value.Expected
        select new object[] { endpoint.Key, caller.Key, caller.Value };

    private SystemFixture Fixture => system;

    private Journey Bureau { get; } = new(system);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_its_role_and_scope_allow(string endpoint, string caller, int expected)
    {
        var call = await Endpoints[endpoint].Prepare(this, await SharedAsync(), caller, expected);
        using var response = await new Journey(system, Callers.Tokens[caller]).SendAsync(call.Service, call.Method, call.Path, call.Body, call.IdempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{caller} → {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected < 400)
            return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        if (call.NothingWritten is not null)
            await call.NothingWritten();
    }

    private static Task<Call> Get(ServiceProcess service, string path) => Task.FromResult(new Call(service, HttpMethod.Get, path));

    /// <summary>A new dictionary entry under a fresh code; refused, the table has no row of that code.</summary>
    private static Task<Call> NewDictionaryEntry(AccessMatrixTests t, string table, Func<string, object> body)
    {
        var code = $"AM_{Guid.NewGuid():N}"[..20];
        return Task.FromResult(new Call(t.Fixture.Project, HttpMethod.Put, $"/api/dictionaries/{table}/{code}", body(code),
            () => t.AssertCountAsync(t.Fixture.Project, 0, $"SELECT count(*) FROM {table} WHERE code = @code", new { code })));
    }

    private async Task AssertCountAsync(ServiceProcess service, int expected, string sql, object parameters) =>
        Assert.Equal(expected, await system.ScalarAsync<int>(service, sql, parameters));

    /// <summary>A fresh signed project for a call that should succeed; the shared one for a call that must change nothing.</summary>
    private async Task<Guid> ProjectForAsync(Shared shared, int expected) =>
        expected < 400 ? await Bureau.SignedProjectAsync() : shared.ProjectId;

    private async Task UnchangedAsync(Guid id) => await AssertCountAsync(Fixture.Project, 1,
        "SELECT count(*) FROM projects WHERE id = @id AND state = 'Signed' AND company_name IS NULL", new { id });

    private async Task ItemUnchangedAsync(Guid projectId, string code) => await AssertCountAsync(Fixture.Approval, 1,
        "SELECT count(*) FROM approval_items i JOIN approval_cases c ON c.id = i.case_id WHERE c.project_id = @projectId AND i.code = @code AND i.status = 'Open'",
        new { projectId, code });

    private static object PolicyBody(string name) => new
    {
        name, year = Journey.Today.Year, milestone = "Production", minFixedAssetCny = 1_000_000m, percentage = 0.01m, capCny = 1_000_000m,
        stages = new[] { 1m }, budgetCny = 100_000_000m, clawbackYears = 3,
    };

    private Journey Finance { get; } = new(system, Tokens.For("finance"));

    private async Task<Guid> NewPolicyAsync() =>
        (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, Fixture.Funding, HttpMethod.Post, "/api/incentive-policies",
            PolicyBody($"权限矩阵政策{Guid.NewGuid():N}"))).GetProperty("id").GetGuid();

    private async Task<Guid> NewClaimAsync(Guid projectId, bool approved = false)
    {
        var claimId = (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, Fixture.Funding, HttpMethod.Post, "/api/incentive-claims",
            new { projectId, policyId = await NewPolicyAsync() })).GetProperty("id").GetGuid();
        if (approved)
            await Finance.ExpectAsync(System.Net.HttpStatusCode.OK, Fixture.Funding, HttpMethod.Post, $"/api/incentive-claims/{claimId}/approve");
        return claimId;
    }

    private async Task<Guid> NewFundsReportAsync(Guid projectId) =>
        (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, Fixture.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports",
            new { amount = 500_000m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today, evidenceRef = "权限矩阵凭证" }))
        .GetProperty("id").GetGuid();

    private async Task VerifiedFundsAsync(Guid projectId, decimal amount)
    {
        var id = (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, Fixture.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports",
            new { amount, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today, evidenceRef = "权限矩阵固定资产" }))
            .GetProperty("id").GetGuid();
        await Finance.ExpectAsync(System.Net.HttpStatusCode.OK, Fixture.Funding, HttpMethod.Post, $"/api/funds-reports/{id}/verify");
    }

    private async Task ReportedAsync(Guid id) =>
        await AssertCountAsync(Fixture.Funding, 1, "SELECT count(*) FROM funds_reports WHERE id = @id AND status = 'Reported'", new { id });

    private async Task ClaimRaisedAsync(Guid id) =>
        await AssertCountAsync(Fixture.Funding, 1, "SELECT count(*) FROM incentive_claims WHERE id = @id AND status = 'Raised'", new { id });

    private async Task<Guid> NewParkAsync() =>
        (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, Fixture.Project, HttpMethod.Post, "/api/parks",
            new { name = $"待改园区{Guid.NewGuid():N}", level = "Municipal", district = "官渡区", leadingIndustries = new[] { "现代物流" } }))
        .GetProperty("id").GetGuid();

    private async Task<Guid> NewIntentAsync(bool qualified, bool followed = false)
    {
        var id = await Bureau.CreateIntentAsync(await Bureau.CreateEnterpriseAsync());
        if (qualified)
            await Bureau.QualifyAsync(id);
        else if (followed)
            await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{id}/follow-ups",
                new { kind = "Video", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), summary = "视频对接" });
        return id;
    }

    /// <summary>Prepared once; if preparing fails, every case fails at once with that error instead of trying again.</summary>
    private async Task<Shared> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= PrepareAsync();
        }
        finally
        {
            Gate.Release();
        }

        return await _shared;
    }

    private async Task<Shared> PrepareAsync()
    {
        var eventId = (await Bureau.ExpectAsync(System.Net.HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events",
            new { title = "权限矩阵推介会", type = "Forum", region = "粤港澳大湾区", startsOn = "2026-06-01", leader = "市领导", major = true }))
            .GetProperty("id").GetGuid();
        var enterpriseId = await Bureau.CreateEnterpriseAsync();
        var intentId = await Bureau.CreateIntentAsync(enterpriseId);
        await Bureau.QualifyAsync(intentId);
        var projectId = await Bureau.ConvertAsync(intentId);
        await Bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await Bureau.SignAsync(projectId);
        await Bureau.WaitForProjectAsync(projectId,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "approval case and ledger are open");
        await VerifiedFundsAsync(projectId, 20_000_000m);
        var claimId = await NewClaimAsync(projectId);
        return new Shared(enterpriseId, intentId, projectId, eventId, claimId);
    }
}
