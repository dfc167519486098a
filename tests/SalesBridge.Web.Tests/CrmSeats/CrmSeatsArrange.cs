using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmSettings;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSeats;

/// <summary>Arranges seats against the emulator's CRM users: workspace users with their emails, settings, connection states.</summary>
internal static class CrmSeatsArrange
{
    /// <summary>The org's enabled people (seats can be tied to them), in the world's order.</summary>
    public static IReadOnlyList<CrmUser> EnabledPeople(EmulatorServer emulator) =>
        emulator.World.Users.Where(u => !u.IsDisabled && u.ApplicationId is null).ToList();

    public static CrmUser DisabledPerson(EmulatorServer emulator) => emulator.World.Users.First(u => u.IsDisabled);

    /// <summary>
    /// A user belongs to one contract and emails are unique across contracts, while the collection's tests share one
    /// database and one org: each test first takes the org users' emails back from whatever test used them before.
    /// </summary>
    public static Task ReleaseCrmEmailsAsync(this WorkspaceHost host, EmulatorServer emulator)
    {
        var emails = emulator.World.Users.Select(u => u.InternalEmailAddress.ToUpperInvariant()).ToList();
        return host.QueryAsync(async db =>
        {
            var ids = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync();
            await db.Seats.Where(s => ids.Contains(s.UserId)).ExecuteDeleteAsync();
            return await db.Users.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync();
        });
    }

    /// <summary>A user of <paramref name="contractId"/> with <paramref name="email"/> and, when asked, a seat; returns the seat id (or the user id without one).</summary>
    public static Task<Guid> AddUserAsync(this WorkspaceHost host, Guid contractId, string email, string name, bool seat = true) => host.QueryAsync(async db =>
    {
        var user = new WorkspaceUser
        {
            ContractId = contractId, DisplayName = name, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        if (!seat) return user.Id;
        var added = new Seat { ContractId = contractId, UserId = user.Id, AssignedAt = DateTimeOffset.UtcNow };
        db.Seats.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    });

    public static Task SetAutoSyncAsync(this WorkspaceHost host, Guid contractId, bool autoSync) => host.QueryAsync(async db =>
    {
        var settings = await db.CrmSettings.SingleOrDefaultAsync(s => s.ContractId == contractId);
        if (settings is null) db.CrmSettings.Add(settings = new ContractCrmSettings { ContractId = contractId });
        settings.AutoSyncAllSeats = autoSync;
        return await db.SaveChangesAsync();
    });

    public static Task SetConnectionStatusAsync(this WorkspaceHost host, Guid contractId, OrgConnectionStatus status) => host.QueryAsync(db =>
        db.OrgConnections.Where(c => c.ContractId == contractId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status)));

    /// <summary>The seat of <paramref name="seatId"/> as <c>GET /admin/seats</c> lists it.</summary>
    public static async Task<JsonElement> SeatAsync(this HttpClient api, Guid seatId)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("api/v1/admin/seats?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == seatId);
    }

    public static async Task<JsonElement> RefreshAsync(this HttpClient api)
    {
        var response = await api.PostAsync("api/v1/admin/crm/users/refresh", null);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> WithoutSeatAsync(this HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/users?withoutSeat=true&pageSize=200"))
        .GetProperty("users").GetProperty("items").EnumerateArray().ToList();
}
