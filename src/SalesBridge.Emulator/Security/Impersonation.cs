using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Security;

/// <summary>
/// Acting on behalf of another user (page: impersonate another user using the Web API): the
/// <c>CallerObjectId</c> header names the user by Entra object id (preferred), <c>MSCRMCallerID</c> by
/// systemuserid. The real caller needs prvActOnBehalfOfAnotherUser.
/// </summary>
public static class Impersonation
{
    public const string CannotActOnBehalfOfAnotherUser = "0x8004a110";

    public static Caller Apply(HttpRequest request, EmulatedOrg org, Caller caller)
    {
        var byObjectId = request.Headers["CallerObjectId"].ToString();
        var bySystemUserId = request.Headers["MSCRMCallerID"].ToString();
        if (byObjectId.Length == 0 && bySystemUserId.Length == 0) return caller;

        var users = org.Store.Table("systemuser");
        var target = byObjectId.Length > 0
            ? Guid.TryParse(byObjectId, out var objectId)
                ? users.InKeyOrder().FirstOrDefault(u => u["azureactivedirectoryobjectid"] is Guid id && id == objectId)
                : throw DataverseErrors.BadRequest($"The CallerObjectId header value '{byObjectId}' is not a GUID.")
            : Guid.TryParse(bySystemUserId, out var userId)
                ? users.Find(userId)
                : throw DataverseErrors.BadRequest($"The MSCRMCallerID header value '{bySystemUserId}' is not a GUID.");
        if (target is null)
        {
            throw DataverseErrors.RowNotFound("systemuser", Guid.TryParse(bySystemUserId, out var missing) ? missing : Guid.Empty);
        }
        if (org.Security.DepthOf(caller, PrivilegeCatalog.ActOnBehalfOfAnotherUser) is null)
        {
            throw new DataverseFault(403, CannotActOnBehalfOfAnotherUser, "User does not have the privilege to act on behalf another user.");
        }
        if (target["isdisabled"] is true)
        {
            throw new DataverseFault(403, "0x8004f509", $"The user with SystemUserId={target.Id} is disabled.");
        }
        return new Caller(target.Id, target.Reference("businessunitid")?.Id ?? org.RootBusinessUnitId, caller.UserId);
    }
}
