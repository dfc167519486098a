using System.Text.Json.Serialization;
using SalesBridge.CrmImport;

namespace SalesBridge.CrmMatches;

public enum CrmRecordKind
{
    Contact,
    Account,
}

/// <summary>
/// A CRM record's match as people see it (SPEC S11, B5): what it is tied to, the score and the sentence explaining why,
/// or who chose it. <see cref="RecordId"/> is SalesBridge's id of the record (what Edit match takes), <see cref="CrmId"/> the org's.
/// </summary>
public sealed record CrmMatchView(
    CrmRecordKind Kind,
    Guid RecordId,
    Guid CrmId,
    string CrmName,
    string? CrmDetail,
    CrmMatchState State,
    double? Score,
    string? Summary,
    Guid? CounterpartId,
    string? CounterpartName)
{
    /// <summary>Opens the record in Dynamics; null while the contract is not connected.</summary>
    public string? CrmUrl { get; init; }

    /// <summary>The evidence as stored (<see cref="CrmMatch.Evidence"/>): read by the query, shown as <see cref="Evidence"/>.</summary>
    [JsonIgnore]
    public string? StoredEvidence { get; init; }

    /// <summary>Field by field, how the pair compared and what each field added to the score; empty for a person's choice.</summary>
    public IReadOnlyList<MatchFieldEvidence> Evidence => MatchEvidence.Read(StoredEvidence);
}

/// <summary>
/// A seat holder's saved lead or account and its CRM side: the match when a CRM record is tied, otherwise whether
/// <c>Create record</c> can make one and, when it cannot, why.
/// </summary>
public sealed record SavedItemMatch(Guid SavedItemId, CrmMatchView? Match, bool CanCreateRecord, string? CreateRecordUnavailable);
