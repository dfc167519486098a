namespace SalesBridge.Emulator.Security;

/// <summary>
/// Who a request acts as. <see cref="UserId"/> is the effective user (the impersonated one, if any);
/// <see cref="CallingUserId"/> is the authenticated user who acts on their behalf, or null.
/// </summary>
public sealed record Caller(Guid UserId, Guid BusinessUnitId, Guid? CallingUserId = null)
{
    public Guid RealUserId => CallingUserId ?? UserId;
}
