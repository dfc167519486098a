using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Tests.Infrastructure;

public static class WorkspaceDatabase
{
    /// <summary>Reads (or writes) the host's database directly, to prove what an API call did or did not change.</summary>
    public static async Task<T> QueryAsync<T>(this WorkspaceHost host, Func<SalesBridgeDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        return await query(db);
    }

    public static Task<int> SeatCountAsync(this WorkspaceHost host, Guid contractId) =>
        host.QueryAsync(db => db.Seats.CountAsync(seat => seat.ContractId == contractId));

    public static Task<int> UserCountAsync(this WorkspaceHost host, Guid contractId) =>
        host.QueryAsync(db => db.Users.CountAsync(user => user.ContractId == contractId));
}
