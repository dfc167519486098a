using Microsoft.AspNetCore.Mvc;
using SalesBridge.Conversations;
using SalesBridge.Errors;
using SalesBridge.Paging;

namespace SalesBridge.Web.Pages.Inbox;

/// <summary>The seat holder's inbox: their threads, the latest message first, searchable.</summary>
public sealed class IndexModel(ListConversations list) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<ConversationSummary> Threads { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public string? QueryError { get; private set; }

    /// <summary>Refusals (no seat) show the error page with their reason; a bad search shows next to the search box.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Caller.RequireSeat();
        try
        {
            Threads = await list.HandleAsync(Caller, new ListConversations.Request { Query = Query, Page = PageNumber }, cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            QueryError = invalid.Message;
        }
    }
}
