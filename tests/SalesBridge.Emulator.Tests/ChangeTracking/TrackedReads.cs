using System.Text.Json;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>Follows tracked reads and delta links the way a sync client does, collecting every page.</summary>
internal static class TrackedReads
{
    public sealed record Result(IReadOnlyList<JsonElement> Pages, string DeltaLink)
    {
        public IEnumerable<JsonElement> Values => Pages.SelectMany(p => p.GetProperty("value").EnumerateArray());
        public IEnumerable<JsonElement> Rows => Values.Where(v => !IsDeleted(v));
        public IEnumerable<JsonElement> Deleted => Values.Where(IsDeleted);
    }

    public static bool IsDeleted(JsonElement value) =>
        value.TryGetProperty("@odata.context", out var context) && context.GetString()!.EndsWith("/$deletedEntity", StringComparison.Ordinal);

    /// <summary>GETs <paramref name="url"/> and every next link with the tracking preference; fails unless the last page has the delta link.</summary>
    public static async Task<Result> ReadAllAsync(HttpClient client, string url, int? maxPageSize = null)
    {
        var pages = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var response = await client.SendAsync(Request(next, maxPageSize));
            var body = await response.JsonAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
            pages.Add(body);
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        var last = pages[^1];
        return new Result(pages, last.GetProperty("@odata.deltaLink").GetString()!);
    }

    public static HttpRequestMessage Request(string url, int? maxPageSize = null)
    {
        var prefer = maxPageSize is { } size ? $"odata.track-changes,odata.maxpagesize={size}" : "odata.track-changes";
        return DataverseHttp.Json(HttpMethod.Get, url, null, ("Prefer", prefer));
    }

    public static string DeltaToken(string deltaLink) =>
        Uri.UnescapeDataString(deltaLink[(deltaLink.IndexOf("$deltatoken=", StringComparison.Ordinal) + "$deltatoken=".Length)..]);
}
