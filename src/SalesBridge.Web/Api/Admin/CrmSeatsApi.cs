using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.CrmSeats;

namespace SalesBridge.Web.Api.Admin;

/// <summary>Admins: the CRM's users, seats against them, per-seat CRM sync and <i>Assign seats from CRM</i> (SPEC S18, S19). Every other caller gets 403.</summary>
internal static class CrmSeatsApi
{
    public static void MapCrmSeatsApi(this RouteGroupBuilder api)
    {
        var crmUsers = api.MapGroup("/admin/crm/users").WithTags("Admin: CRM");
        crmUsers.MapGet("", (Caller caller, [AsParameters] ListCrmUsers.Request request, ListCrmUsers list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The org's users as last read, by name, with the seat holder tied to each; withoutSeat=true: only enabled people without a seat (what Assign seats from CRM offers).");
        crmUsers.MapPost("/refresh", (Caller caller, RefreshCrmUsers refresh, CancellationToken cancellationToken) =>
                refresh.HandleAsync(caller, cancellationToken))
            .WithSummary("Read the org's users now and replace the snapshot (409 when not connected, 502 when the CRM fails).");

        api.MapPost("/admin/crm/assign-seats", (Caller caller, AssignSeatsFromCrm.Request request, AssignSeatsFromCrm assign, CancellationToken cancellationToken) =>
                assign.HandleAsync(caller, request, cancellationToken))
            .WithTags("Admin: CRM")
            .WithSummary("Give each picked CRM user a seat (making the user when needed); 409 with the free and picked counts when they exceed the free seats (nothing assigned).");

        api.MapPut("/admin/seats/{seatId:guid}/crm-sync", (Caller caller, Guid seatId, SetSeatCrmSync.Request request, SetSeatCrmSync set, CancellationToken cancellationToken) =>
                set.HandleAsync(caller, seatId, request, cancellationToken))
            .WithTags("Admin: CRM")
            .WithSummary("Enable or disable CRM sync for one seat; counts while auto sync of all seats is off.")
            .Produces<SeatSummary>();
    }
}
