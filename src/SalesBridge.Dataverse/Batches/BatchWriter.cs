using System.Text;
using System.Text.Json;

namespace SalesBridge.Dataverse;

/// <summary>
/// Writes a batch as Dataverse's <c>multipart/mixed</c> body: each request an <c>application/http</c> part with
/// absolute URLs, change sets as nested multiparts with Content-IDs (page: execute batch operations using the Web API).
/// </summary>
internal static class BatchWriter
{
    public static (string Body, string Boundary) Write(DataverseBatch batch, Uri webApiUrl)
    {
        var boundary = "batch_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        foreach (var item in batch.Items)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            if (item is BatchChangeSet set)
            {
                var changeSet = "changeset_" + Guid.NewGuid().ToString("N");
                text.Append("Content-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
                for (var i = 0; i < set.Operations.Count; i++)
                {
                    text.Append("--").Append(changeSet).Append("\r\n");
                    WritePart(text, set.Operations[i], webApiUrl, contentId: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                text.Append("--").Append(changeSet).Append("--\r\n");
            }
            else
            {
                WritePart(text, (BatchOperation)item, webApiUrl, contentId: null);
            }
        }
        text.Append("--").Append(boundary).Append("--\r\n");
        return (text.ToString(), boundary);
    }

    private static void WritePart(StringBuilder text, BatchOperation operation, Uri webApiUrl, string? contentId)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null) text.Append("Content-ID: ").Append(contentId).Append("\r\n");
        text.Append("\r\n");
        // $n references stay relative: Dataverse resolves them against the change set, not the service root.
        var url = operation.Url.StartsWith('$') ? operation.Url : new Uri(webApiUrl, operation.Url).ToString();
        text.Append(operation.Method.Method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in operation.Headers ?? new Dictionary<string, string>()) text.Append(name).Append(": ").Append(value).Append("\r\n");
        if (operation.Body is not null)
        {
            text.Append("Content-Type: application/json; type=entry\r\n\r\n");
            text.Append(operation.Body.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web))).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }
}
