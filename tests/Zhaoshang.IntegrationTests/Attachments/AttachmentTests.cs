using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.IntegrationTests.Attachments;

/// <summary>
/// Evidence files on the records they prove: uploaded by whoever may change the record, listed and downloaded byte for
/// byte by whoever may see it, refused when too big, of a type disguised by its name, or on another district's record,
/// and every upload and download in the record's audit trail.
/// </summary>
[Collection(SystemCollection.Name)]
public class AttachmentTests(SystemFixture system)
{
    private static string District => Tokens.For("district", district: Journey.District);
    private static string OtherDistrict => Tokens.For("district", district: "呈贡区");
    private static string Auditor => Tokens.For("auditor");

    [Fact]
    public async Task A_funds_report_evidence_file_comes_back_byte_for_byte_with_its_hash_name_and_type()
    {
        var path = $"/api/funds-reports/{await FundsReportAsync()}/attachments";
        var pdf = Uploads.Pdf(600 * 1024);

        using var created = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "到位资金 银行回单.pdf", "application/octet-stream");
        var attachment = await ReadAsync(created, HttpStatusCode.Created);
        Assert.Equal("到位资金 银行回单.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, attachment.GetProperty("size").GetInt64());
        Assert.Equal(Uploads.Sha256(pdf), attachment.GetProperty("sha256").GetString());
        Assert.Equal("anning", attachment.GetProperty("uploadedBy").GetString());
        var id = attachment.GetProperty("id").GetGuid();
        Assert.Equal($"{path}/{id}", created.Headers.Location?.ToString());

        using var client = system.Client(system.Funding, District);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());

        using var download = await client.GetAsync($"{path}/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Uploads.Sha256(pdf), Uploads.Sha256(bytes));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf.Length, download.Content.Headers.ContentLength);
        Assert.Equal("到位资金 银行回单.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Follow_ups_and_approval_items_take_office_documents_and_images_each_on_its_own_record()
    {
        var bureau = new Journey(system);
        var intentId = await bureau.CreateIntentAsync(await bureau.CreateEnterpriseAsync("附件测试企业"));
        var followUp = await bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups",
            new { kind = "VisitIn", occurredOn = Journey.Today, summary = "企业来访洽谈" });
        var followUpPath = $"/api/intents/{intentId}/follow-ups/{followUp.GetProperty("id").GetGuid()}/attachments";
        var docx = SampleFiles.Docx();
        using (var uploaded = await Uploads.PostAsync(system, system.Lead, District, followUpPath, docx, "洽谈纪要.docx"))
            Assert.Equal(SampleFiles.DocxType, (await ReadAsync(uploaded, HttpStatusCode.Created)).GetProperty("contentType").GetString());

        var projectId = await bureau.SignedProjectAsync();
        var itemPath = $"/api/projects/{projectId}/approval-case/items/filing/attachments";
        var png = SampleFiles.Png();
        using (var uploaded = await Uploads.PostAsync(system, system.Approval, District, itemPath, png, "备案证.png", "application/pdf"))
            Assert.Equal("image/png", (await ReadAsync(uploaded, HttpStatusCode.Created)).GetProperty("contentType").GetString());

        using var auditor = system.Client(system.Lead, Auditor);
        var listed = Assert.Single((await auditor.GetFromJsonAsync<JsonElement>(followUpPath)).EnumerateArray());
        Assert.Equal(Uploads.Sha256(docx), Uploads.Sha256(await auditor.GetByteArrayAsync($"{followUpPath}/{listed.GetProperty("id").GetGuid()}")));
        using var approval = system.Client(system.Approval, Auditor);
        var item = Assert.Single((await approval.GetFromJsonAsync<JsonElement>(itemPath)).EnumerateArray());
        Assert.Equal(Uploads.Sha256(png), Uploads.Sha256(await approval.GetByteArrayAsync($"{itemPath}/{item.GetProperty("id").GetGuid()}")));
        // Another item of the same case has none: attachments belong to their record.
        var other = (await bureau.ItemStatusesAsync(projectId)).Keys.First(code => code != "filing");
        Assert.Empty((await approval.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/approval-case/items/{other}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task The_same_bytes_attached_twice_are_stored_once()
    {
        var path = $"/api/funds-reports/{await FundsReportAsync()}/attachments";
        var pdf = Uploads.Pdf();
        using (var first = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "验资报告.pdf"))
            await ReadAsync(first, HttpStatusCode.Created);
        using (var second = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "验资报告（副本）.pdf"))
            await ReadAsync(second, HttpStatusCode.Created);

        var hash = Convert.FromHexString(Uploads.Sha256(pdf));
        Assert.Equal(2, await system.ScalarAsync<int>(system.Funding, "SELECT count(*)::int FROM attachments WHERE sha256 = @hash", new { hash }));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding, "SELECT count(*)::int FROM attachment_contents WHERE sha256 = @hash", new { hash }));
    }

    [Fact]
    public async Task An_upload_retried_with_its_Idempotency_Key_gets_the_first_answer_and_attaches_once()
    {
        var reportId = await FundsReportAsync();
        var path = $"/api/funds-reports/{reportId}/attachments";
        var pdf = Uploads.Pdf();
        var key = $"upload-{Guid.NewGuid():N}";

        using var first = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "验资报告.pdf", idempotencyKey: key);
        using var retry = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "验资报告.pdf", idempotencyKey: key);

        var id = (await ReadAsync(first, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(id, (await ReadAsync(retry, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding, "SELECT count(*)::int FROM attachments WHERE record_id = @reportId", new { reportId }));
    }

    /// <summary>What is sent, the status it gets, under which name; built in the test (the big one is 20 MiB).</summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, Func<byte[]> Bytes, string FileName)> Refused = new()
    {
        ["too big"] = (HttpStatusCode.RequestEntityTooLarge, () => Uploads.Pdf(Uploads.MaxBytes + 1), "大文件.pdf"),
        ["a program renamed .pdf"] = (HttpStatusCode.UnsupportedMediaType, Uploads.Program, "银行回单.pdf"),
        ["a text file named .png"] = (HttpStatusCode.UnsupportedMediaType, () => Uploads.Text("这不是图片，只是一段文字。"), "现场照片.png"),
        ["a zip that is no Office document"] = (HttpStatusCode.UnsupportedMediaType, SampleFiles.PlainZip, "报表.xlsx"),
        ["an empty file"] = (HttpStatusCode.BadRequest, () => [], "空白.pdf"),
    };

    public static TheoryData<string> Refusals() => new(Refused.Keys);

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_too_big_or_not_what_its_name_says_is_refused_naming_the_field_and_nothing_is_stored(string what)
    {
        var (status, bytes, fileName) = Refused[what];
        var reportId = await FundsReportAsync();

        using var refused = await Uploads.PostAsync(system, system.Funding, District, $"/api/funds-reports/{reportId}/attachments", bytes(), fileName);

        var problem = await ReadAsync(refused, status);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), $"{what}: {problem}");
        Assert.Equal(0, await system.ScalarAsync<int>(system.Funding, "SELECT count(*)::int FROM attachments WHERE record_id = @reportId", new { reportId }));
    }

    [Fact]
    public async Task Another_districts_staff_neither_attach_nor_list_nor_download_while_the_auditor_may_and_the_trail_shows_both()
    {
        var reportId = await FundsReportAsync();
        var path = $"/api/funds-reports/{reportId}/attachments";
        var pdf = Uploads.Pdf();
        using (var refused = await Uploads.PostAsync(system, system.Funding, OtherDistrict, path, pdf, "冒名凭证.pdf"))
            await ReadAsync(refused, HttpStatusCode.NotFound);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Funding, "SELECT count(*)::int FROM attachments WHERE record_id = @reportId", new { reportId }));
        using (var auditorUpload = await Uploads.PostAsync(system, system.Funding, Auditor, path, pdf, "审计上传.pdf"))
            Assert.Equal(HttpStatusCode.Forbidden, auditorUpload.StatusCode);
        using var uploaded = await Uploads.PostAsync(system, system.Funding, District, path, pdf, "资金到位凭证.pdf");
        var id = (await ReadAsync(uploaded, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var other = system.Client(system.Funding, OtherDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{path}/{id}")).StatusCode);
        using var auditor = system.Client(system.Funding, Auditor);
        Assert.Equal(Uploads.Sha256(pdf), Uploads.Sha256(await auditor.GetByteArrayAsync($"{path}/{id}")));

        var trail = (await auditor.GetFromJsonAsync<JsonElement>($"/api/audit?recordId={reportId}")).EnumerateArray()
            .Where(e => e.GetProperty("action").GetString()!.StartsWith("attachment", StringComparison.Ordinal))
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actorSubject").GetString(),
                Attachment: e.GetProperty("after").GetProperty("attachment").GetProperty("id").GetGuid()))
            .ToList();
        Assert.Equal([("attachment uploaded", "anning", id), ("attachment downloaded", "auditor", id)], trail);
    }

    [Fact]
    public async Task Through_the_gateway_an_upload_beyond_its_own_body_limit_is_let_through_to_the_service()
    {
        var path = $"/api/funds-reports/{await FundsReportAsync()}/attachments";
        // The gateway refuses other bodies above 2 MiB.
        var pdf = Uploads.Pdf(5 * 1024 * 1024);

        using var uploaded = await Uploads.PostAsync(system, system.Gateway, District, path, pdf, "项目资金到位情况说明.pdf");
        var id = (await ReadAsync(uploaded, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var gateway = system.Client(system.Gateway, District);
        Assert.Equal(Uploads.Sha256(pdf), Uploads.Sha256(await gateway.GetByteArrayAsync($"{path}/{id}")));
        using var tooBig = await Uploads.PostAsync(system, system.Gateway, District, "/api/enterprises", pdf, "企业名录.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    /// <summary>A funds report of a fresh project in 安宁市.</summary>
    private async Task<Guid> FundsReportAsync()
    {
        var bureau = new Journey(system);
        var projectId = await bureau.SignedProjectAsync();
        return (await bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports",
            new { amount = 3_000_000m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today, evidenceRef = "附件测试" }))
            .GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
