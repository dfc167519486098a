namespace SalesBridge.Contracts;

/// <summary>What an admin sees of their contract: what was bought and how much of it is in use.</summary>
public sealed record ContractOverview(
    Guid Id,
    string CompanyName,
    ContractEdition Edition,
    int SeatCount,
    int SeatsUsed,
    int SeatsFree,
    int AdminCount,
    int UserCount);
