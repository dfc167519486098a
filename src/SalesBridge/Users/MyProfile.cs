namespace SalesBridge.Users;

/// <summary>The signed-in user as the apps show them: who they are, their contract, and what they may use.</summary>
public sealed record MyProfile(
    Guid Id,
    string Email,
    string DisplayName,
    Guid ContractId,
    string CompanyName,
    bool IsContractAdmin,
    bool HasSeat);
