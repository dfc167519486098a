using SalesBridge.Emulator.Query;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// The first tracked read: every row the caller may read, paged in key order like any query; the last page carries the
/// <c>@odata.deltaLink</c>. Its token is fixed on the first page, so changes made while the client pages are not lost:
/// they come (again) with the first delta.
/// </summary>
internal static class InitialSync
{
    public static Task WriteAsync(TrackedRead read)
    {
        var (request, table, query) = (read.Request, read.Table, read.Query);
        int pageNumber;
        PagePosition? resumeAfter;
        string tokenText;
        if (read.SkipToken is { } skip)
        {
            (pageNumber, resumeAfter) = PagingCookie.Read(skip, RowOrder.PrimaryKey, table);
            tokenText = PagingCookie.TrackingToken(skip) ?? throw QueryErrors.BadSkipToken("it is not the cookie of a change-tracking page.");
        }
        else
        {
            (pageNumber, resumeAfter) = (1, null);
            tokenText = read.Ledger.NewToken(read.Ledger.Cut()).ToString();
        }
        if (!DeltaToken.TryParse(tokenText, out var token)) throw QueryErrors.BadSkipToken("its delta token is not valid.");

        var page = PageReader.Read(request.Org.Store, table, read.Scope, RowOrder.PrimaryKey, null, resumeAfter, read.PageSize, query.Count);
        string? nextLink = null, deltaLink = null;
        if (page.HasMore)
        {
            var cookie = PagingCookie.Create(pageNumber, RowOrder.PrimaryKey, table, RowOrder.PrimaryKey.PositionOf(page.Rows[^1]),
                page.Rows[0].Id, tokenText);
            nextLink = NextLink.For(request, table.EntitySetName, cookie);
        }
        else
        {
            deltaLink = read.DeltaLink(read.Ledger.Issue(table, token));
        }

        var contextUrl = request.MetadataUrl + "#" + table.EntitySetName + query.Projection.ContextList;
        return request.WriteJsonAsync(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", contextUrl);
            if (page.Count is { } count) writer.WriteNumber("@odata.count", Math.Min(count, PagingPolicy.CountLimit));
            // The docs' example puts the delta link before the rows.
            if (deltaLink is not null) writer.WriteString("@odata.deltaLink", deltaLink);
            writer.WritePropertyName("value");
            writer.WriteStartArray();
            foreach (var row in page.Rows) query.Projection.WriteRow(writer, row, read.Context.Rows);
            writer.WriteEndArray();
            if (nextLink is not null) writer.WriteString("@odata.nextLink", nextLink);
            writer.WriteEndObject();
        });
    }
}
