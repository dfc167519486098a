using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// What the engine needs to know about one kind of record (people, companies): its fields, how a record is normalised
/// once, its blocking keys, how two normalised records compare field by field, and the priors EM starts from.
/// </summary>
internal interface IMatchDomain<TRecord, TNormalised>
{
    /// <summary>"contact" or "account": the CRM noun used in explanations.</summary>
    string CrmNoun { get; }

    IReadOnlyList<FieldPrior> Fields { get; }

    /// <summary>
    /// Default threshold on the match probability, chosen for precision. The probability weighs the pair against the lead
    /// having no record at all (<see cref="Scoring.RecordPrior"/>: λ for this record against at least even odds for
    /// none), so 0.5 ("this record is more likely than none") is strict; measured precision at 0.5 is ≥ 0.98 on febrl3,
    /// fake_1000 and the demo world (docs/benchmarks.md).
    /// </summary>
    double DefaultThreshold { get; }

    string IdOf(TRecord record);

    TNormalised Normalise(TRecord record);

    /// <summary>
    /// Adds the record's blocking keys; records sharing any key become candidate pairs. A CRM record is only ever looked
    /// up, never looks up, so without <paramref name="seeking"/> the keys it would only seek
    /// (<see cref="Blocking.BlockingKey.SoughtBit"/>) are left out: at 100,000 contacts they would be megabytes built only
    /// to be skipped.
    /// </summary>
    void AddBlockingKeys(TNormalised record, bool seeking, List<ulong> keys);

    /// <summary>
    /// Per lead, CRM records to compare besides its blocking candidates, found by searching field values rather than by
    /// keys (null where none; null for the whole run when there are none): pairs no key can reach at an affordable cost.
    /// </summary>
    int[]?[]? SearchedCandidates(TNormalised[] crm, TNormalised[] leads);

    void Compare(TNormalised lead, TNormalised crm, Span<FieldComparison> into);

    /// <summary>Fields whose exact agreement is weighed by how common the value is (names).</summary>
    IReadOnlyList<int> FrequencyFields { get; }

    /// <summary>The normalised value of a frequency field, as compared for exact agreement.</summary>
    string FrequencyValue(TNormalised record, int field);

    /// <summary>The field's value as given, for the explanation.</summary>
    string? Display(TRecord record, int field);
}
