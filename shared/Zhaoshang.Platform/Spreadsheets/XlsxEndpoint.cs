using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Zhaoshang.Platform.Spreadsheets;

public static class XlsxEndpoint
{
    /// <summary>The endpoint answers a workbook (documented so, and the console's generated client reads it as a file).</summary>
    public static RouteHandlerBuilder ProducesXlsx(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: XlsxExport.MediaType);
}
