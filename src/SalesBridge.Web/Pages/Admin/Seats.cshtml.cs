using Microsoft.AspNetCore.Mvc;
using SalesBridge.Contracts;
using SalesBridge.CrmSeats;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Users;
using SalesBridge.Web.Pages.Shared;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>Seat Management: seat usage, the contract's users with their seat and admin actions, and adding a user.</summary>
public sealed class SeatsModel(
    GetContractOverview getOverview,
    ListContractUsers listUsers,
    CreateContractUser createUser,
    AssignSeat assignSeat,
    RemoveSeat removeSeat,
    SetContractAdmin setAdmin,
    SetUserPassword setPassword,
    RemoveContractUser removeUser,
    RefreshCrmUsers refreshCrmUsers,
    GetSeatCrmStatuses getCrmStatuses,
    SetSeatCrmSync setCrmSync) : AdminPageModel
{
    /// <summary>No annotations here: the use case validates, so the page and the API give the same messages.</summary>
    public sealed class NewUserInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public bool IsContractAdmin { get; set; }

        public bool AssignSeat { get; set; } = true;
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    /// <summary>From the query string's "page" (Razor Pages keeps the route value "page" for the page's own path).</summary>
    public int? PageNumber { get; private set; }

    public Guid MyUserId => Caller.UserId;

    public ContractOverview Overview { get; private set; } = null!;

    public Page<ContractUserSummary> Users { get; private set; } = null!;

    public PagerModel Pager => PagerModel.For(Users, Request);

    /// <summary>The listed seats' standing against the CRM (S18).</summary>
    public SeatCrmStatuses Crm { get; private set; } = null!;

    /// <summary>Why the automatic read of the CRM's users on opening the page failed; the page still shows the last read.</summary>
    public string? CrmRefreshError { get; private set; }

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = pageNumber;
        return RunAsync(async () =>
        {
            await RefreshCrmUsersIfStaleAsync(cancellationToken);
            await LoadAsync(cancellationToken);
            return Page();
        }, reloadPage: () => LoadAsync(cancellationToken, ignoreQuery: true));
    }

    public Task<IActionResult> OnPostRefreshCrmAsync(CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var read = await refreshCrmUsers.HandleAsync(Caller, cancellationToken);
            return $"Read {read.UserCount} CRM users; {read.EnabledUserCount} of them can hold a seat in CRM.";
        }, cancellationToken);

    public Task<IActionResult> OnPostEnableCrmSyncAsync(Guid seatId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var seat = await setCrmSync.HandleAsync(Caller, seatId, new SetSeatCrmSync.Request { Enabled = true }, cancellationToken);
            return $"CRM sync enabled for {seat.DisplayName}. {seat.SyncReason}";
        }, cancellationToken);

    public Task<IActionResult> OnPostDisableCrmSyncAsync(Guid seatId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var seat = await setCrmSync.HandleAsync(Caller, seatId, new SetSeatCrmSync.Request { Enabled = false }, cancellationToken);
            return $"CRM sync disabled for {seat.DisplayName}. {seat.SyncReason}";
        }, cancellationToken);

    /// <summary>
    /// Opening the page reads the CRM's users again when the last read is older than 15 minutes
    /// (<see cref="RefreshCrmUsers.StaleAfter"/>): users are added and disabled in Dynamics without SalesBridge being
    /// told, and an admin looking at the ties expects them current, yet not at the cost of CRM requests on every view.
    /// A failed read does not keep the admin from the page: it shows the last read and why this one failed.
    /// </summary>
    private async Task RefreshCrmUsersIfStaleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await refreshCrmUsers.RefreshIfStaleAsync(Caller, cancellationToken);
        }
        catch (RequestRefusedException refused) when (refused is not AccessDeniedException)
        {
            CrmRefreshError = refused.Message;
        }
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var user = await createUser.HandleAsync(Caller, new CreateContractUser.Request
                {
                    Email = Input.Email, DisplayName = Input.DisplayName, Password = Input.Password,
                    IsContractAdmin = Input.IsContractAdmin, AssignSeat = Input.AssignSeat,
                }, cancellationToken);
                TempData["Notice"] = $"{user.DisplayName} was added{(user.SeatId is null ? " without a seat" : " with a seat")}.";
                return RedirectToPage();
            },
            fieldPrefix: nameof(Input),
            reloadPage: () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostAssignSeatAsync(Guid userId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var seat = await assignSeat.HandleAsync(Caller, userId, cancellationToken);
            return $"{seat.DisplayName} now holds a seat.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveSeatAsync(Guid userId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            await removeSeat.HandleAsync(Caller, userId, cancellationToken);
            return "The seat was removed. The user keeps their account and saved data.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMakeAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var user = await setAdmin.HandleAsync(Caller, userId, new SetContractAdmin.Request { IsContractAdmin = true }, cancellationToken);
            return $"{user.DisplayName} is now an admin.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            var user = await setAdmin.HandleAsync(Caller, userId, new SetContractAdmin.Request { IsContractAdmin = false }, cancellationToken);
            return $"{user.DisplayName} is no longer an admin.";
        }, cancellationToken);

    public async Task<IActionResult> OnPostSetPasswordAsync(Guid userId, string? newPassword, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Input = new NewUserInput();
        try
        {
            var user = await setPassword.HandleAsync(Caller, userId, new SetUserPassword.Request { Password = newPassword }, cancellationToken);
            TempData["Notice"] = $"{user.DisplayName} can now sign in with the new password.";
            return RedirectToPage(new { query = Query });
        }
        catch (RequestValidationException invalid)
        {
            // The row's password box has no place of its own for errors: the reasons go above the list, where the row is.
            FormError = $"The password was not set: {string.Join(" ", invalid.Errors.SelectMany(error => error.Value))}";
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public Task<IActionResult> OnPostRemoveUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Act(async () =>
        {
            await removeUser.HandleAsync(Caller, userId, cancellationToken);
            return "The user and their saved data were removed.";
        }, cancellationToken);

    /// <summary>A row action: on success back to the list with a notice; a refusal shows above the list.</summary>
    private Task<IActionResult> Act(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        // The row forms post no new-user fields; what was bound for them must not fail the action.
        ModelState.Clear();
        Input = new NewUserInput();
        return RunAsync(async () =>
        {
            TempData["Notice"] = await action();
            return RedirectToPage(new { query = Query });
        }, reloadPage: () => LoadAsync(cancellationToken));
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool ignoreQuery = false)
    {
        Overview = await getOverview.HandleAsync(Caller, cancellationToken);
        Users = await listUsers.HandleAsync(Caller,
            ignoreQuery ? new ListContractUsers.Request() : new ListContractUsers.Request { Query = Query, Page = PageNumber },
            cancellationToken);
        var seatIds = Users.Items.Where(user => user.SeatId is not null).Select(user => user.SeatId!.Value).ToList();
        Crm = await getCrmStatuses.HandleAsync(Caller, seatIds, cancellationToken);
    }
}
