using SalesBridge.Errors;

namespace SalesBridge.Access;

/// <summary>
/// Who is asking, as the database says now (not as a cookie remembered it): every use case scopes its queries to
/// <see cref="ContractId"/>, and seat-holder work to <see cref="UserId"/>.
/// </summary>
public sealed record Caller(Guid UserId, Guid ContractId, string DisplayName, string Email, bool IsContractAdmin, bool HasSeat)
{
    /// <exception cref="AccessDeniedException">The caller holds no seat (SPEC: an admin-only user cannot use seat-holder features).</exception>
    public void RequireSeat()
    {
        if (!HasSeat)
        {
            throw new AccessDeniedException("This needs a seat in the contract. Your account administers the contract but holds no seat; ask an admin to assign you one.");
        }
    }

    /// <exception cref="AccessDeniedException">The caller is not an admin of the contract.</exception>
    public void RequireContractAdmin()
    {
        if (!IsContractAdmin)
        {
            throw new AccessDeniedException("Only an admin of the contract can do this.");
        }
    }
}
