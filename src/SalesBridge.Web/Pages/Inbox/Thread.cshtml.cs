using Microsoft.AspNetCore.Mvc;
using SalesBridge.Conversations;
using SalesBridge.CrmCopy;

namespace SalesBridge.Web.Pages.Inbox;

/// <summary>One thread: its messages with their Copy to CRM choices, and a reply form.</summary>
public sealed class ThreadModel(GetConversation get, Reply reply, SetMessageCopyToCrm setMessage, SetThreadCopyToCrm setThread, CopyToCrmDefaults copyDefaults)
    : WorkspacePageModel
{
    public sealed class ReplyInput
    {
        public string? Body { get; set; }
        /// <summary>Pre-ticked on GET from the contract's write-back settings (S14).</summary>
        public bool CopyToCrm { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ConversationThread? Thread { get; private set; }

    /// <summary>Refusals (no seat, not the caller's thread) show the error page with their reason.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Thread = await get.HandleAsync(Caller, Id, cancellationToken);
        Input.CopyToCrm = await copyDefaults.ForAsync(Caller.ContractId, MessageWriteBack.KindOf(MessageKind.Message), cancellationToken);
    }

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await reply.HandleAsync(Caller, Id, new Reply.Request { Body = Input.Body, CopyToCrm = Input.CopyToCrm }, cancellationToken);
        TempData["Notice"] = "Message sent.";
        return RedirectToPage(new { id = Id });
    }, "Input", () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostCopyMessageAsync(Guid messageId, bool copyToCrm, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await setMessage.HandleAsync(Caller, messageId, new SetMessageCopyToCrm.Request { CopyToCrm = copyToCrm }, cancellationToken);
        TempData["Notice"] = copyToCrm ? "The message will be copied to the CRM." : "The message will not be copied to the CRM.";
        return Redirect($"/Inbox/Thread/{Id}#message-{messageId}");
    }, reloadPage: () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostCopyThreadAsync(bool copyToCrm, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await setThread.HandleAsync(Caller, Id, new SetThreadCopyToCrm.Request { CopyToCrm = copyToCrm }, cancellationToken);
        TempData["Notice"] = copyToCrm ? "Every message of this thread will be copied to the CRM." : "No message of this thread will be copied to the CRM.";
        return RedirectToPage(new { id = Id });
    }, reloadPage: () => LoadAsync(cancellationToken));

    /// <summary>After a refused post: shows the thread again (an admin without a seat just sees the reason).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Thread is null && Caller.HasSeat)
        {
            Thread = await get.HandleAsync(Caller, Id, cancellationToken);
        }
    }
}
