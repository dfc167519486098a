namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// A company as the prospecting workspace knows it. <see cref="CrmAccountId"/> is ground truth for matching
/// (null: the CRM has no such account); <see cref="Variations"/> says how it was made to differ from that account.
/// </summary>
public sealed record WorkspaceCompany(
    Guid Id,
    string Name,
    string? Website,
    string Industry,
    string City,
    string Country,
    int? EmployeeCount,
    Guid? CrmAccountId,
    DemoVariation Variations);
