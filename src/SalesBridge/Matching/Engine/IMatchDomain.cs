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

    /// <summary>Default threshold on the match probability, chosen for precision.</summary>
    double DefaultThreshold { get; }

    string IdOf(TRecord record);

    TNormalised Normalise(TRecord record);

    /// <summary>Adds the record's blocking keys; records sharing any key become candidate pairs.</summary>
    void AddBlockingKeys(TNormalised record, List<string> keys);

    void Compare(TNormalised lead, TNormalised crm, Span<FieldComparison> into);

    /// <summary>The field's value as given, for the explanation.</summary>
    string? Display(TRecord record, int field);
}
