using Microsoft.AspNetCore.Mvc;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>A CSV written straight into the response as it is produced, so a report of any size downloads without buffering.</summary>
public sealed class CsvDownload(Func<Stream, CancellationToken, Task> write, string fileName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
