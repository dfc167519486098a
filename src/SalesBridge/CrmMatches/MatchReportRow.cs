using System.Text.Json.Serialization;
using SalesBridge.CrmImport;

namespace SalesBridge.CrmMatches;

/// <summary>One CRM record in the admin match report (B5): its match and how many seat holders have it saved.</summary>
public sealed record MatchReportRow(
    CrmRecordKind Kind,
    Guid RecordId,
    Guid CrmId,
    string Name,
    string? Detail,
    CrmMatchState State,
    double? Score,
    Guid? CounterpartId,
    string? CounterpartName,
    string? Summary,
    int SeatHolders)
{
    /// <inheritdoc cref="CrmMatchView.StoredEvidence"/>
    [JsonIgnore]
    public string? StoredEvidence { get; init; }

    /// <inheritdoc cref="CrmMatchView.Evidence"/>
    public IReadOnlyList<MatchFieldEvidence> Evidence => MatchEvidence.Read(StoredEvidence);
}

/// <summary>How far matching got for one kind of record: the "percentage matched per object".</summary>
public sealed record MatchTotals(CrmRecordKind Kind, int Records, int Matched, int ChosenByUser, int Unmatched)
{
    /// <summary>Records tied to a workspace counterpart, automatically or by a person's choice, in percent of all.</summary>
    public double PercentMatched { get; init; }
}

/// <summary>A page of the report with the totals of the whole contract (not only of the filtered rows).</summary>
public sealed record MatchReport(Paging.Page<MatchReportRow> Rows, IReadOnlyList<MatchTotals> Totals);
