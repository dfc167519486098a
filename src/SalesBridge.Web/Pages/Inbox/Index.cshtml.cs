using Microsoft.AspNetCore.Mvc;
using SalesBridge.Conversations;
using SalesBridge.Paging;

namespace SalesBridge.Web.Pages.Inbox;

/// <summary>The seat holder's inbox: their threads, the latest message first, searchable.</summary>
public sealed class IndexModel(ListConversations list) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    public Page<ConversationSummary>? Threads { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        // "page" is read by hand: Razor Pages keep their own route value under that name.
        int? page = int.TryParse(Request.Query["page"], out var number) ? number : null;
        Threads = await list.HandleAsync(Caller, new ListConversations.Request { Query = Query, Page = page }, cancellationToken);
        return Page();
    });
}
