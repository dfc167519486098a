namespace SalesBridge.CrmMatches;

/// <summary>
/// Create record's options. <see cref="CreateAnyway"/>: make the record even though the CRM holds one that looks like the
/// same person or company (the 409 named it) — for two people who share a name under one account, say.
/// </summary>
public sealed record CreateRecordRequest
{
    public bool CreateAnyway { get; init; }
}
