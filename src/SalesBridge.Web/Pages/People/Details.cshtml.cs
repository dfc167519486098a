using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.CrmMatches;
using SalesBridge.Errors;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.People;

/// <summary>
/// A lead's page: who they are, whether the seat holder saved them, the notes and the conversation; and, for someone the
/// caller may act on who has no CRM contact (the unresolved report's rows, S15), the CRM card with Create record and
/// Edit match (a search of the contract's CRM contacts), whose handlers are below.
/// </summary>
public sealed class DetailsModel(GetPerson getPerson, GetPersonCrmActions getCrmActions, SearchCrmContacts searchContacts,
    CreateCrmContact createContact, EditContactMatch editMatch) : WorkspacePageModel
{
    public PersonDetails Person { get; private set; } = null!;

    public new Caller Caller => base.Caller;

    public string ReturnUrl => Request.Path.ToString();

    public string? Location => string.Join(", ", new[] { Person.City, Person.Region, Person.Country }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } place ? place : null;

    /// <summary>Edit match's search of the contract's CRM contacts.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>Null when the caller may not act on the person: no CRM card then.</summary>
    public GetPersonCrmActions.Result? CrmActions { get; private set; }

    public IReadOnlyList<SearchCrmContacts.Result> CrmCandidates { get; private set; } = [];

    /// <summary>The CRM's look-alike that stopped Create record (409): shown with its link and Create anyway.</summary>
    public ExistingCrmRecord? LookAlike { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostCreateRecordAsync(Guid id, bool createAnyway) => RunAsync(async () =>
        {
            try
            {
                var created = await createContact.HandleForPersonAsync(Caller, id, new CreateRecordRequest { CreateAnyway = createAnyway }, HttpContext.RequestAborted);
                return Resolved(id, $"Created {created.CrmName} in the CRM and tied to this person.");
            }
            catch (CrmRecordExistsException exists)
            {
                LookAlike = exists.Existing;
                await LoadAsync(id, HttpContext.RequestAborted);
                return Page();
            }
        },
        reloadPage: () => LoadAsync(id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostEditMatchAsync(Guid id, Guid crmContactRecordId) => RunAsync(async () =>
        {
            var match = await editMatch.HandleForPersonAsync(Caller, id, crmContactRecordId, HttpContext.RequestAborted);
            return Resolved(id, $"This person is now matched to the CRM contact {match.CrmName}.");
        },
        reloadPage: () => LoadAsync(id, HttpContext.RequestAborted));

    private IActionResult Resolved(Guid id, string what)
    {
        // The use cases woke the write-back worker; the person's open activities follow within seconds (S17).
        TempData["Notice"] = $"{what} Their open activities will be completed in the CRM and linked to the contact within seconds.";
        return LocalRedirect($"/People/{id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Person = await getPerson.HandleAsync(Caller, id, cancellationToken);
        CrmActions = await getCrmActions.HandleAsync(Caller, id, cancellationToken);
        if (CrmActions is not { HasCrmContact: false } || string.IsNullOrWhiteSpace(Q)) return;
        try
        {
            CrmCandidates = await searchContacts.HandleAsync(Caller, new SearchCrmContacts.Request { Q = Q }, cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("q", message);
        }
    }
}
