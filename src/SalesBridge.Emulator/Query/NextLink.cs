using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The absolute <c>@odata.nextLink</c>: the request's own URL with its query options kept as sent and the skip
/// token replaced, so a client can follow it verbatim.
/// </summary>
internal static class NextLink
{
    public static string For(DataverseRequest request, string contextPath, string cookie)
    {
        var http = request.Http.Request;
        var rootPath = new Uri(request.ServiceRoot).AbsolutePath;
        var path = (http.PathBase + http.Path).ToUriComponent();
        var relative = path.StartsWith(rootPath, StringComparison.Ordinal) ? path[rootPath.Length..] : contextPath;
        var options = (http.QueryString.Value ?? "").TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(option => !IsSkipToken(option))
            .Append("$skiptoken=" + Uri.EscapeDataString(cookie));
        return request.ServiceRoot + relative + "?" + string.Join('&', options);
    }

    private static bool IsSkipToken(string option)
    {
        var eq = option.IndexOf('=');
        var name = Uri.UnescapeDataString(eq < 0 ? option : option[..eq]);
        return name == "$skiptoken";
    }
}
