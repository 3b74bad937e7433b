using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>The lead service's rows: the target enterprise list, promotion events, intents and their follow-ups (对接记录).</summary>
internal static class LeadTables
{
    private static readonly string[] Kinds = ["VisitOut", "VisitIn", "Call", "Video"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];

    public static async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection connection, ProvincePlan plan)
    {
        var copy = new BulkCopy(connection);
        var counts = new Dictionary<string, long>();
        counts["enterprises"] = await copy.IntoAsync("enterprises",
            "id, name, uscc, hq_region, industry_chain, chain_role, created_at, priority, version, updated_at", plan.Enterprises,
            (row, e) => row.Uuid(e.Id).Text(e.Name).Char(e.Uscc).Text(e.HqRegion).Text(e.Chain).Text(e.Role).Time(e.CreatedAt)
                .Text(e.Priority).Int(1).Time(e.CreatedAt));
        counts["promotion_events"] = await copy.IntoAsync("promotion_events",
            "id, title, type, region, starts_on, ends_on, leader, major, summary, created_at, version", plan.Events,
            (row, e) => row.Uuid(e.Id).Text(e.Title).Text(e.Type).Text(e.Region).Date(e.StartsOn).Date(e.StartsOn.AddDays(2))
                .Text("市投资促进局局长").Bool(e.Major).Text(null).Time(e.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Int(1));
        counts["cooperation_intents"] = await copy.IntoAsync("cooperation_intents",
            "id, enterprise_id, industry, intended_investment, district, status, project_id, created_at, converted_at, project_opened_at, " +
            "source_event_id, received_on, first_district, previous_districts, task_team, responded_on, assessed_on, last_contact_on, " +
            "drop_reason, version, enterprise_search_text",
            plan.Intents,
            (row, i) =>
            {
                var converted = i.ConvertedOn?.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
                row.Uuid(i.Id).Uuid(i.Enterprise.Id).Text(i.Industry).Money(i.Investment).Text(i.District).Text(i.Status).Uuid(i.ProjectId)
                    .Time(i.ReceivedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)).Time(converted).Time(converted?.AddSeconds(1))
                    .Uuid(i.SourceEventId).Date(i.ReceivedOn).Text(i.District).Texts([]).Json(TaskTeam(i))
                    .Date(i.RespondedOn).Date(i.AssessedOn).Date(i.LastContactOn)
                    .Text(i.Status == "Dropped" ? "企业投资计划调整" : null).Int(1 + i.Contacts.Count + (i.AssessedOn is null ? 0 : 1))
                    .Text($"{i.Enterprise.Name}\n{i.Enterprise.Uscc}"); // its enterprise's search_text, as POST /api/intents copies it
            });
        counts["intent_follow_ups"] = await copy.IntoAsync("intent_follow_ups",
            "id, intent_id, kind, occurred_on, summary, next_step, next_step_on, recorded_by, recorded_at",
            plan.Intents.SelectMany(i => i.Contacts.Select((day, n) => (Intent: i, Day: day, N: n))),
            (row, f) =>
            {
                var last = f.N == f.Intent.Contacts.Count - 1;
                var open = f.Intent.Status is "Following" or "Qualified";
                row.Uuid(Guid.CreateVersion7()).Uuid(f.Intent.Id).Text(Kinds[(f.N + f.Intent.Contacts.Count) % Kinds.Length]).Date(f.Day)
                    .Text($"与{f.Intent.Enterprise.Name}第{f.N + 1}次对接：投资意向、用地需求与配套政策").Text(last && open ? "约谈企业决策层" : null)
                    .Date(last && open ? f.Day.AddDays(7 + f.N % 14) : null).Text(f.Intent.Officer)
                    .Time(f.Day.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc));
            });
        return counts;
    }

    /// <summary>A 专班 for one intent in four (the larger ones get one first), as PUT …/task-team writes it.</summary>
    internal static string? TaskTeam(IntentPlan intent) =>
        intent.Investment < 1_000_000_000m && intent.Id.GetHashCode() % 4 != 0
            ? null
            : $$"""{"leadOfficial": "{{Surnames[Math.Abs(intent.Id.GetHashCode()) % Surnames.Length]}}副区长", "members": ["{{intent.Officer}}"], "department": "{{intent.District}}投资促进局"}""";
}
