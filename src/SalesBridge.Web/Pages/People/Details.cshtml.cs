using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.People;

/// <summary>A lead's page: who they are, whether the seat holder saved them, the notes and the conversation.</summary>
public sealed class DetailsModel(GetPerson getPerson) : WorkspacePageModel
{
    public PersonDetails Person { get; private set; } = null!;

    public new Caller Caller => base.Caller;

    public string ReturnUrl => Request.Path.ToString();

    public string? Location => string.Join(", ", new[] { Person.City, Person.Region, Person.Country }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } place ? place : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Person = await getPerson.HandleAsync(Caller, id, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
