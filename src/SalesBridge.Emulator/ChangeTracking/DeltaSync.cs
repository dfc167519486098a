using SalesBridge.Emulator.Query;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// <c>GET</c> of a delta link: the rows created or updated since its token (current state), then the deleted ones as
/// <c>$deletedEntity</c> entries, then a new <c>@odata.deltaLink</c>. Paged with <c>odata.maxpagesize</c> like any query:
/// next links keep the <c>$deltatoken</c> and add the position; only the last page carries the new delta link.
/// </summary>
internal static class DeltaSync
{
    public static Task WriteAsync(TrackedRead read, string deltaTokenText)
    {
        var (request, table, query, ledger) = (read.Request, read.Table, read.Query, read.Ledger);
        var from = ledger.Redeem(table, deltaTokenText);
        int pageNumber;
        DeltaPosition position;
        DeltaToken next;
        if (read.SkipToken is { } skip)
        {
            (pageNumber, position, var nextText) = DeltaCookie.Read(skip);
            if (!DeltaToken.TryParse(nextText, out next) || next.Version < from.Version)
            {
                throw QueryErrors.BadSkipToken("its delta token does not follow the $deltatoken.");
            }
        }
        else
        {
            (pageNumber, position) = (1, DeltaPosition.Start);
            next = ledger.NewToken(Math.Max(from.Version, ledger.Cut()));
        }

        var page = DeltaPage.Read(request.Org.Store, ledger.Index(table.LogicalName), table, from.Version, next.Version, position,
            read.Scope, read.PageSize);
        string? nextLink = null, deltaLink = null;
        if (page.HasMore) nextLink = NextLink.For(request, table.EntitySetName, DeltaCookie.Create(pageNumber, page.Next, next.ToString()));
        else deltaLink = read.DeltaLink(ledger.Issue(table, next));

        var contextUrl = request.MetadataUrl + "#" + table.EntitySetName + query.Projection.ContextList + "/$delta";
        var deletedContext = request.MetadataUrl + "#" + table.EntitySetName + "/$deletedEntity";
        return request.WriteJsonAsync(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", contextUrl);
            if (deltaLink is not null) writer.WriteString("@odata.deltaLink", deltaLink);
            writer.WritePropertyName("value");
            writer.WriteStartArray();
            foreach (var row in page.Rows) query.Projection.WriteRow(writer, row, read.Context.Rows);
            foreach (var deleted in page.Deletions)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.context", deletedContext);
                writer.WriteString("id", deleted.Id);
                writer.WriteString("reason", "deleted");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (nextLink is not null) writer.WriteString("@odata.nextLink", nextLink);
            writer.WriteEndObject();
        });
    }
}
