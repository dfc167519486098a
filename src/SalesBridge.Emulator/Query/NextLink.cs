using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The absolute <c>@odata.nextLink</c> (and change tracking's <c>@odata.deltaLink</c>): the request's own URL with its
/// query options kept as sent and the token option replaced, so a client can follow it verbatim.
/// </summary>
internal static class NextLink
{
    public static string For(DataverseRequest request, string contextPath, string cookie) =>
        Replacing(request, contextPath, ["$skiptoken"], "$skiptoken", cookie);

    /// <summary>
    /// The request's URL without the options named in <paramref name="dropped"/>, with <paramref name="name"/> set to
    /// <paramref name="value"/> (URL-encoded with lower-case hex, as Dataverse writes <c>$deltatoken</c>) at the end.
    /// </summary>
    public static string Replacing(DataverseRequest request, string contextPath, IReadOnlyCollection<string> dropped, string name, string value)
    {
        var http = request.Http.Request;
        var rootPath = new Uri(request.ServiceRoot).AbsolutePath;
        var path = (http.PathBase + http.Path).ToUriComponent();
        var relative = path.StartsWith(rootPath, StringComparison.Ordinal) ? path[rootPath.Length..] : contextPath;
        var options = (http.QueryString.Value ?? "").TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(option => !dropped.Contains(NameOf(option)))
            .Append(name + "=" + LowerHex(Uri.EscapeDataString(value)));
        return request.ServiceRoot + relative + "?" + string.Join('&', options);
    }

    /// <summary>Lower-cases the hex digits of percent-escapes ("%2F" → "%2f"), the way Dataverse's tokens read.</summary>
    public static string LowerHex(string escaped)
    {
        var chars = escaped.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] != '%') continue;
            chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
            chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
        }
        return new string(chars);
    }

    private static string NameOf(string option)
    {
        var eq = option.IndexOf('=');
        return Uri.UnescapeDataString(eq < 0 ? option : option[..eq]);
    }
}
