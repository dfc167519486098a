using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.Conversations;
using SalesBridge.Paging;

namespace SalesBridge.Web.Pages.Shared.Components.ConversationPanel;

/// <summary>What the conversation panel shows: the caller's threads with one person.</summary>
public sealed record ConversationPanelModel(Guid PersonId, Page<ConversationSummary> Threads);

/// <summary>
/// The caller's threads with a person and the buttons to write to them. Hosted by the person page:
/// <c>Component.InvokeAsync("ConversationPanel", new { personId })</c>.
/// </summary>
public sealed class ConversationPanelViewComponent(ListConversations list, Caller caller) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        if (!caller.HasSeat)
        {
            return Content("");
        }

        var threads = await list.HandleAsync(caller,
            new ListConversations.Request { PersonId = personId, PageSize = PageRequest.MaxPageSize }, HttpContext.RequestAborted);
        return View(new ConversationPanelModel(personId, threads));
    }
}
