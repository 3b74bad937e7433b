using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Spreadsheets;

public static class XlsxEndpoint
{
    /// <summary>The endpoint answers a workbook (documented so, and the console's generated client reads it as a file).</summary>
    public static RouteHandlerBuilder ProducesXlsx(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: XlsxExport.MediaType);

    /// <summary>The endpoint imports a workbook (<see cref="SheetUpload"/>): multipart field 'file', its size limit, its 415 and 422.</summary>
    public static RouteHandlerBuilder AcceptsWorkbook(this RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<AttachmentsApi.AttachmentForm>("multipart/form-data")
            .WithMetadata(new RequestBodyLimit(SheetUpload.MaxBytes + 64 * 1024))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
