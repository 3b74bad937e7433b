using System.Collections.Concurrent;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// The records the fuzzer aims at — a record of its own, in the state it needs, for each change that another
/// operation's success would otherwise leave with nothing but 409s — and sample values that make the rest of a request
/// valid, so that one hostile value at a time gets as far into the service as it can.
/// </summary>
internal sealed class FuzzTargets
{
    private readonly SystemFixture _system;
    private readonly Dictionary<string, Guid> _shared = new();
    private readonly Dictionary<string, Guid> _own = new();
    private readonly ConcurrentDictionary<Guid, int> _versions = new();

    private FuzzTargets(SystemFixture system) => _system = system;

    public static async Task<FuzzTargets> PrepareAsync(SystemFixture system)
    {
        var targets = new FuzzTargets(system);
        var preparing = new FuzzPreparation(system);
        var negotiating = preparing.NegotiatingProjectAsync();
        var signed = preparing.SignedProjectAsync();
        var transferred = preparing.SignedProjectAsync();
        var intents = Task.WhenAll(
            preparing.IntentAsync(), preparing.IntentAsync(), preparing.IntentAsync(), preparing.IntentAsync(), preparing.IntentAsync(),
            preparing.IntentAsync(followedUp: true), preparing.IntentAsync(followedUp: true, qualified: true));
        targets._shared["enterprises"] = await preparing.Bureau.CreateEnterpriseAsync("模糊测试目标企业");
        targets._shared["events"] = await preparing.EventAsync();
        targets._shared["parks"] = await preparing.ParkAsync();
        var project = targets._shared["projects"] = await signed;
        await preparing.FundsReportAsync(project, verified: true);
        targets._shared["funds-reports"] = await preparing.FundsReportAsync(project, verified: false);
        var policy = targets._shared["policy"] = await preparing.PolicyAsync();
        targets._shared["incentive-claims"] = await preparing.ClaimAsync(project, policy);

        // The shared project goes through register, acquire-land, stall, resume and terminate in document order; sign and
        // transfer (which comes after terminate) need projects of their own.
        targets._own["SignProject"] = await negotiating;
        targets._own["TransferProject"] = await transferred;
        var intent = await intents;
        targets._shared["intents"] = intent[0];
        (targets._own["TransferIntent"], targets._own["DropIntent"], targets._own["SetIntentTaskTeam"], targets._own["RecordFollowUp"]) =
            (intent[1], intent[2], intent[3], intent[4]);
        (targets._own["QualifyIntent"], targets._own["ConvertIntent"]) = (intent[5], intent[6]);
        targets._own["RejectFunds"] = await preparing.FundsReportAsync(project, verified: false);
        targets._own["RejectIncentiveClaim"] = await preparing.ClaimAsync(project, await preparing.PolicyAsync());
        await targets.SettledAsync();
        return targets;
    }

    /// <summary>The record an operation is about, by its path: its own when it has one.</summary>
    public string PathValue(ApiOperation operation, ApiParameter parameter) => (parameter.Name, operation.Path.Split('/')[2]) switch
    {
        ("id", var kind) when _own.TryGetValue(operation.OperationId, out var own) || _shared.TryGetValue(kind, out own) => own.ToString(),
        ("projectId", _) => _shared["projects"].ToString(),
        // Each item operation works on an item of its own, all open on a freshly signed project.
        ("code", _) => operation.OperationId switch
        {
            "RejectApprovalItem" => "land-pre-review",
            "AcceptApprovalItemWithDeficiency" => "eia-form",
            _ => "filing",
        },
        ("system", _) => ApprovalSystem.Name,
        ("chain", _) => "绿色铝",
        ("currency", _) => "USD",
        ("date", _) => "2001-02-03",
        ("year", _) => "2098",
        _ => parameter.Schema.Format == "uuid" ? Guid.NewGuid().ToString() : "fuzz",
    };

    /// <summary>Valid JSON for a body property of this operation, when its name tells what it needs beyond its type.</summary>
    public Func<string, string?> Hints(ApiOperation operation) => property => property switch
    {
        "uscc" or "companyUscc" => Json(TestData.NewUscc()),
        "name" or "title" or "agreementNo" or "decisionId" or "parcelId" => Json($"模糊测试-{Guid.NewGuid():N}"),
        "park" => Json(Journey.Park),
        "district" => Json(Journey.District),
        "toDistrict" => Json("官渡区"),
        "enterpriseId" => Json(_shared["enterprises"].ToString()),
        "projectId" => Json(_shared["projects"].ToString()),
        "policyId" => Json(_shared["policy"].ToString()),
        "version" => operation.Method == HttpMethod.Put ? CurrentVersion(operation) : "null",
        "sourceEventId" => "null",
        "currency" => "\"CNY\"",
        "itemCode" => "\"filing\"",
        "level" => "\"Municipal\"",
        "filing" => "\"Filing\"",
        "eia" => "\"Form\"",
        "leadingIndustries" => "[\"现代物流\"]",
        "specialtyIndustries" => "[]",
        "percentage" => "0.05",
        "stages" => "[0.5,0.5]",
        "cnyPerUnit" => "7.1",
        "year" => Journey.Today.Year.ToString(),
        "clawbackYears" => "3",
        "committedOn" or "nextStepOn" => Json(Journey.Today.AddDays(7).ToString("yyyy-MM-dd")),
        "decidedAt" => Json(DateTimeOffset.UtcNow.ToString("O")),
        _ => null,
    };

    /// <summary>A successful PUT returns the record: its version is the one the next PUT must send.</summary>
    public void Observe(ApiOperation operation, FuzzCase fuzzCase, string body)
    {
        if (operation.Method == HttpMethod.Put && fuzzCase.Path.TryGetValue("id", out var id) && Guid.TryParse(id, out var record)
            && JsonDocument.Parse(body).RootElement.TryGetProperty("version", out var version))
            _versions[record] = version.GetInt32();
    }

    /// <summary>The target records' rows in every service, to show that refused requests changed none of them.</summary>
    public async Task<string> SnapshotAsync()
    {
        var records = _shared.Concat(_own).Select(r => r.Value).Distinct().ToArray();
        var rows = new (ServiceProcess Service, string Sql)[]
        {
            (_system.Lead, "SELECT json_agg(e ORDER BY e.id)::text FROM enterprises e WHERE id = ANY (@records)"),
            (_system.Lead, "SELECT json_agg(i ORDER BY i.id)::text FROM cooperation_intents i WHERE id = ANY (@records)"),
            (_system.Lead, "SELECT count(*)::text FROM intent_follow_ups WHERE intent_id = ANY (@records)"),
            (_system.Project, "SELECT json_agg(p ORDER BY p.id)::text FROM projects p WHERE id = ANY (@records)"),
            (_system.Project, "SELECT json_agg(p ORDER BY p.id)::text FROM parks p WHERE id = ANY (@records)"),
            (_system.Approval, "SELECT json_agg(i ORDER BY i.id)::text FROM approval_items i JOIN approval_cases c ON c.id = i.case_id WHERE c.project_id = ANY (@records)"),
            (_system.Funding, "SELECT json_agg(r ORDER BY r.id)::text FROM funds_reports r WHERE project_id = ANY (@records)"),
            (_system.Funding, "SELECT json_agg(c ORDER BY c.id)::text FROM incentive_claims c WHERE project_id = ANY (@records)"),
        };
        var texts = await Task.WhenAll(rows.Select(r => _system.ScalarAsync<string>(r.Service, r.Sql, new { records })));
        return string.Join('\n', texts);
    }

    private string CurrentVersion(ApiOperation operation) =>
        operation.In("path").FirstOrDefault(p => p.Name == "id") is { } id && Guid.TryParse(PathValue(operation, id), out var record)
            ? _versions.GetValueOrDefault(record, 1).ToString()
            : "1";

    /// <summary>Waits until the messages the preparation caused have done their work: two snapshots a moment apart agree.</summary>
    private async Task SettledAsync()
    {
        var last = await SnapshotAsync();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(300);
            var now = await SnapshotAsync();
            if (now == last)
                return;
            last = now;
        }

        throw new TimeoutException("The fuzzer's target records kept changing.");
    }

    private static string Json(string text) => HostileInput.Json(text);
}
