using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmSeats;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>
/// <i>Assign seats from CRM</i> (SPEC S19): the org's enabled users without a seat, picked one by one or all at once,
/// each given a seat within the free seats. A refusal (too many picked) shows at the top with the picks kept.
/// </summary>
public sealed class AssignSeatsFromCrmModel(ListCrmUsers listCrmUsers, RefreshCrmUsers refreshCrmUsers, AssignSeatsFromCrm assign) : AdminPageModel
{
    [BindProperty]
    public List<Guid> SystemUserIds { get; set; } = [];

    public int? PageNumber { get; private set; }

    public CrmUserList CrmUsers { get; private set; } = null!;

    public PagerModel Pager => PagerModel.For(CrmUsers.Users, Request);

    /// <summary>Why the automatic read of the CRM's users failed; the page still offers the last read.</summary>
    public string? CrmRefreshError { get; private set; }

    /// <summary>Picks refused one by one (e.g. the email belongs to another contract), from the last assignment.</summary>
    public IReadOnlyList<RefusedCrmUser> Refused { get; private set; } = [];

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = pageNumber;
        return RunAsync(async () =>
        {
            // As on Seat Management: a read older than 15 minutes is renewed, so newly added CRM users are offered.
            try
            {
                await refreshCrmUsers.RefreshIfStaleAsync(Caller, cancellationToken);
            }
            catch (RequestRefusedException refused) when (refused is not AccessDeniedException)
            {
                CrmRefreshError = refused.Message;
            }
            await LoadAsync(cancellationToken);
            return Page();
        });
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var result = await assign.HandleAsync(Caller, new AssignSeatsFromCrm.Request { SystemUserIds = SystemUserIds }, cancellationToken);
            var notice = result.Assigned.Count switch
            {
                0 => "No seat was assigned.",
                1 => $"{result.Assigned[0].DisplayName} now holds a seat.",
                var n => $"{n} CRM users now hold a seat: {string.Join(", ", result.Assigned.Select(s => s.DisplayName))}.",
            };
            if (result.AlreadySeated.Count > 0) notice += $" Already holding a seat: {string.Join(", ", result.AlreadySeated.Select(s => s.DisplayName))}.";
            if (result.Refused.Count > 0)
            {
                Refused = result.Refused;
                TempData["Notice"] = notice;
                await LoadAsync(cancellationToken);
                return Page();
            }
            TempData["Notice"] = notice;
            return RedirectToPage("/Admin/Seats");
        }, reloadPage: () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        CrmUsers = await listCrmUsers.HandleAsync(Caller,
            new ListCrmUsers.Request { WithoutSeat = true, Page = PageNumber, PageSize = PageRequest.MaxPageSize }, cancellationToken);
}
