using Microsoft.AspNetCore.Mvc;
using SalesBridge.Conversations;
using SalesBridge.CrmCopy;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.Inbox;

/// <summary>Writes an InMail or a message to one person; sending starts a thread and opens it.</summary>
public sealed class ComposeModel(GetPerson getPerson, StartConversation start, CopyToCrmDefaults copyDefaults) : WorkspacePageModel
{
    public sealed class ComposeInput
    {
        public MessageKind Kind { get; set; } = MessageKind.InMail;
        public string? Subject { get; set; }
        public string? Body { get; set; }
        /// <summary>Pre-ticked on GET from the contract's write-back settings (S14).</summary>
        public bool CopyToCrm { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public ComposeInput Input { get; set; } = new();

    public PersonDetails? Person { get; private set; }

    /// <summary>Refusals (no seat, a person of another contract) show the error page with their reason.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Caller.RequireSeat();
        if (Enum.TryParse<MessageKind>(Request.Query["kind"], ignoreCase: true, out var kind))
        {
            Input.Kind = kind;
        }

        Input.CopyToCrm = await copyDefaults.ForAsync(Caller.ContractId, MessageWriteBack.KindOf(Input.Kind), cancellationToken);

        await LoadPersonAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var thread = await start.HandleAsync(Caller, new StartConversation.Request
        {
            PersonId = PersonId, Kind = Input.Kind, Subject = Input.Subject, Body = Input.Body, CopyToCrm = Input.CopyToCrm,
        }, cancellationToken);
        TempData["Notice"] = Input.Kind == MessageKind.InMail ? "InMail sent." : "Message sent.";
        return Redirect($"/Inbox/Thread/{thread.Id}");
    }, "Input", () => LoadPersonAsync(cancellationToken));

    /// <summary>The person the form writes to; an admin without a seat only sees why they cannot write.</summary>
    private async Task LoadPersonAsync(CancellationToken cancellationToken)
    {
        if (PersonId is { } personId && Person is null && Caller.HasSeat)
        {
            Person = await getPerson.HandleAsync(Caller, personId, cancellationToken);
        }
    }
}
