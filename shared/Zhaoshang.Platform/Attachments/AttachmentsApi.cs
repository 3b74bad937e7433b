using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// Upload, list and download of one kind of record's evidence files, mapped by each service for its records with a
/// resolver that finds the record. Upload needs the right to change the record, list and download the right to see it
/// (a record out of scope reads as not found); every upload and download is written to the record's audit trail.
/// </summary>
public static partial class AttachmentsApi
{
    /// <summary>
    /// Maps <c>POST</c> and <c>GET {recordRoute}/attachments</c> and <c>GET {recordRoute}/attachments/{attachmentId}</c>.
    /// <paramref name="record"/> names the operations (Upload{record}Attachment), <paramref name="noun"/> the record in
    /// problems ("funds report").
    /// </summary>
    public static IEndpointRouteBuilder MapAttachments(
        this IEndpointRouteBuilder app, string recordRoute, string record, string noun, string tag, AttachableRecordResolver resolve,
        string[] readers, string[] changers)
    {
        var records = new Records(resolve, noun);
        var options = app.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        var kinds = string.Join(", ", ContentTypes.Accepted.Select(t => t.Name));
        var api = app.MapGroup(recordRoute + "/attachments").WithTags(tag)
            .AddOpenApiOperationTransformer((operation, _, _) => DescribeRecordRoute(operation, recordRoute));
        api.MapPost("", (HttpRequest request, ClaimsPrincipal user, Database database, IAttachmentStore store, TimeProvider clock,
                CancellationToken cancellationToken) =>
                UploadAsync(records, options.MaxBytes, request, user, database, store, clock, cancellationToken))
            .WithName($"Upload{record}Attachment").AllowRoles(changers)
            .Accepts<AttachmentForm>("multipart/form-data")
            .WithMetadata(new RequestBodyLimit(options.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary($"Attaches an evidence file (field 'file', at most {UploadedFile.Describe(options.MaxBytes)}): {kinds}, judged by content.");
        api.MapGet("", (HttpRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken) =>
                ListAsync(records, request, user, database, cancellationToken))
            .WithName($"List{record}Attachments").AllowRoles(readers)
            .WithSummary("The record's evidence files, oldest first.");
        api.MapGet("/{attachmentId:guid}", (Guid attachmentId, HttpContext http, ClaimsPrincipal user, Database database,
                IAttachmentStore store, CancellationToken cancellationToken) =>
                DownloadAsync(records, attachmentId, http, user, database, store, cancellationToken))
            .WithName($"Download{record}Attachment").AllowRoles(readers)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("Downloads the file as uploaded, under its original name (audited).");
        return app;
    }

    /// <summary>The upload's form, for the OpenAPI document: one file in the field <c>file</c>.</summary>
    public sealed record AttachmentForm(IFormFile File);

    internal static async Task<Results<Created<Attachment>, ProblemHttpResult>> UploadAsync(
        Records records, long maxBytes, HttpRequest request, ClaimsPrincipal user, Database database, IAttachmentStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var record = await records.FindVisibleAsync(database, request, actor, cancellationToken);
        if (record is null)
            return records.NotFound(request);
        if (!actor.CanChange(record.Scope))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.",
                detail: $"Only the bureau and {record.Scope.District}'s staff attach files to this {records.Noun}.");

        // The body is read only now, for a caller who may attach here.
        var (file, refusal) = await UploadedFile.ReadAsync(request, maxBytes, cancellationToken);
        if (refusal is not null)
            return UploadedFile.Problem(refusal.Status, refusal.Message);
        Attachment attachment;
        await using (file)
        {
            if (ContentTypes.Detect(file!.Content) is not { } type)
                return UploadedFile.Problem(StatusCodes.Status415UnsupportedMediaType,
                    $"'{UploadedFile.Field}' is not a file type accepted here, judged by its content whatever its name: "
                    + string.Join(", ", ContentTypes.Accepted.Select(t => t.Name)) + ".");
            file.Content.Position = 0;
            await store.SaveAsync(file.Sha256, file.Content, file.Size, cancellationToken);
            attachment = new Attachment(Guid.CreateVersion7(), file.FileName, type.MediaType, file.Size, file.Sha256, actor.Subject, clock.GetUtcNow());
        }

        await using var work = await database.BeginAsync(actor, cancellationToken);
        await work.ExecuteAsync(AttachmentRows.Insert, AttachmentRows.Row(record.Id, attachment));
        await work.AuditAsync(record.AuditType, record.AuditId, "attachment uploaded", null, new { RecordId = record.Id, Attachment = attachment });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"{request.PathBase}{request.Path}/{attachment.Id}", attachment);
    }

    internal static async Task<Results<Ok<IReadOnlyList<Attachment>>, ProblemHttpResult>> ListAsync(
        Records records, HttpRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var record = await records.FindVisibleAsync(database, request, Actor.From(user), cancellationToken);
        if (record is null)
            return records.NotFound(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await AttachmentRows.ListAsync(connection, record.Id));
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Records records, Guid attachmentId, HttpContext http, ClaimsPrincipal user, Database database, IAttachmentStore store,
        CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var record = await records.FindVisibleAsync(database, http.Request, actor, cancellationToken);
        if (record is null)
            return records.NotFound(http.Request);
        Attachment? attachment;
        await using (var connection = await database.OpenAsync(cancellationToken))
            attachment = await AttachmentRows.FindAsync(connection, record.Id, attachmentId);
        if (attachment is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Attachment not found.",
                detail: $"The {records.Noun} has no attachment with id {attachmentId}.");

        // Audited before the first byte goes out: a download that breaks off was still handed out.
        await using (var work = await database.BeginAsync(actor, cancellationToken))
        {
            await work.AuditAsync(record.AuditType, record.AuditId, "attachment downloaded", null, new { RecordId = record.Id, Attachment = attachment });
            await work.CommitAsync(cancellationToken);
        }

        http.Response.ContentLength = attachment.Size;
        // The type was judged from the content; browsers must not guess another one.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(async body =>
        {
            if (!await store.CopyToAsync(attachment.Sha256, body, cancellationToken))
                throw new InvalidOperationException($"Attachment {attachment.Id}: no content is stored under {attachment.Sha256}.");
        }, attachment.ContentType, attachment.FileName);
    }
}
