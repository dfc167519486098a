using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Paging;
using SalesBridge.Users;

namespace SalesBridge.Web.Api.Admin;

/// <summary>Admins of a contract: its settings, its users, and who holds its seats. Every other caller gets 403.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin");

        admin.MapGet("/contract", (Caller caller, GetContractOverview get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, cancellationToken))
            .WithSummary("The contract: company, edition, seats bought, used and free, admin and user counts.");
        admin.MapPatch("/contract", (Caller caller, UpdateContract.Request request, UpdateContract update, CancellationToken cancellationToken) =>
                update.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Rename the company or change the seat count (never below the seats in use); left-out fields stay.");

        var users = admin.MapGroup("/users");
        users.MapGet("", (Caller caller, [AsParameters] ListContractUsers.Request request, ListContractUsers list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The contract's users by name; query matches name or email.")
            .Produces<Page<ContractUserSummary>>();
        users.MapGet("/{userId:guid}", (Caller caller, Guid userId, GetContractUser get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, userId, cancellationToken))
            .WithSummary("One user of the contract.");
        users.MapPost("", async (Caller caller, CreateContractUser.Request request, CreateContractUser create, CancellationToken cancellationToken) =>
            {
                var user = await create.HandleAsync(caller, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/admin/users/{user.Id}", user);
            })
            .WithSummary("Add a user with an initial password, optionally as admin and with a seat (409 when no seat is free; then no user is made).");
        users.MapDelete("/{userId:guid}", async (Caller caller, Guid userId, RemoveContractUser remove, CancellationToken cancellationToken) =>
            {
                await remove.HandleAsync(caller, userId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a user and everything they saved; not yourself, not the last admin.");
        users.MapPut("/{userId:guid}/seat", (Caller caller, Guid userId, AssignSeat assign, CancellationToken cancellationToken) =>
                assign.HandleAsync(caller, userId, cancellationToken))
            .WithSummary("Give the user a seat (safe to repeat); 409 when every seat is assigned.");
        users.MapDelete("/{userId:guid}/seat", async (Caller caller, Guid userId, RemoveSeat remove, CancellationToken cancellationToken) =>
            {
                await remove.HandleAsync(caller, userId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Take the user's seat back; the account and its saved data stay.");
        users.MapPut("/{userId:guid}/admin", (Caller caller, Guid userId, SetContractAdmin.Request request, SetContractAdmin set, CancellationToken cancellationToken) =>
                set.HandleAsync(caller, userId, request, cancellationToken))
            .WithSummary("Give or take the admin right; the last admin keeps it.");
        users.MapPut("/{userId:guid}/password", (Caller caller, Guid userId, SetUserPassword.Request request, SetUserPassword set, CancellationToken cancellationToken) =>
                set.HandleAsync(caller, userId, request, cancellationToken))
            .WithSummary("Set the user's password (e.g. for a user assigned a seat from the CRM, who has none); lifts a lockout.");

        admin.MapGet("/seats", (Caller caller, [AsParameters] ListSeats.Request request, ListSeats list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The contract's assigned seats: holder, email, when assigned.")
            .Produces<Page<SeatSummary>>();
    }
}
