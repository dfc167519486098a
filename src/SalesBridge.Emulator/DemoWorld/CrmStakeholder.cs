namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// A <c>connections</c> row with the "Stakeholder" role: <c>record1id</c> is the opportunity,
/// <c>record2id</c> the contact.
/// </summary>
public sealed record CrmStakeholder(Guid Id, Guid OpportunityId, Guid ContactId);
