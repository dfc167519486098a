using System.Runtime.CompilerServices;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Engine;
using SalesBridge.Matching.People;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Companies;

/// <summary>Companies as the engine sees them: eight fields, their priors, keys and comparisons.</summary>
internal sealed class CompanyDomain : IMatchDomain<CompanyRecord, NormalisedCompany>
{
    public static readonly CompanyDomain Instance = new();

    // Priors per level: Exact, Close, Partial, Disagree.
    private static readonly FieldPrior[] Priors =
    [
        new("Name", [0.75, 0.15, 0.05, 0.05], [0.01, 0.01, 0.05, 0.93]),
        new("Website", [0.80, 0.10, 0.02, 0.08], [0.001, 0.005, 0.01, 0.984]),
        new("Phone", [0.75, 0.10, 0.01, 0.14], [0.0005, 0.0005, 0.001, 0.998]),
        new("Street", [0.60, 0.20, 0.10, 0.10], [0.01, 0.01, 0.05, 0.93]),
        new("City", [0.85, 0.05, 0.02, 0.08], [0.10, 0.02, 0.03, 0.85]),
        new("State", [0.90, 0.02, 0.02, 0.06], [0.30, 0.01, 0.01, 0.68]),
        new("PostalCode", [0.80, 0.10, 0.02, 0.08], [0.01, 0.05, 0.05, 0.89]),
        new("Country", [0.92, 0.02, 0.02, 0.04], [0.40, 0.01, 0.01, 0.58]),
    ];

    public string CrmNoun => "account";

    public IReadOnlyList<FieldPrior> Fields => Priors;

    public double DefaultThreshold => 0.5;

    public IReadOnlyList<int> FrequencyFields { get; } = [0];

    public string IdOf(CompanyRecord record) => record.Id;

    public string FrequencyValue(NormalisedCompany record, int field) => record.Name;

    public NormalisedCompany Normalise(CompanyRecord record) => NormalisedCompany.From(record);

    public void AddBlockingKeys(NormalisedCompany record, bool seeking, List<ulong> keys) => CompanyBlockingKeys.Add(record, keys);

    // Accounts are not sparse in any data set we can measure on: blocking alone.
    public int[]?[]? SearchedCandidates(NormalisedCompany[] crm, NormalisedCompany[] leads) => null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compare(NormalisedCompany lead, NormalisedCompany crm, Span<FieldComparison> into)
    {
        into[0] = Name(lead, crm);
        into[1] = Website(lead, crm);
        into[2] = PersonComparison.Phone(lead.Phone, crm.Phone);
        into[3] = lead.StreetTokens.Length == 0 || crm.StreetTokens.Length == 0 ? FieldComparison.Missing
            : FieldComparison.BySimilarity(TokenSetSimilarity.Similarity(lead.StreetTokens, crm.StreetTokens), close: 0.9, partial: 0.6);
        into[4] = PersonComparison.Place(lead.City, crm.City, allowTypos: true);
        into[5] = PersonComparison.Place(lead.State, crm.State, allowTypos: false);
        into[6] = PostalCode(lead.PostalCode, crm.PostalCode);
        into[7] = PersonComparison.Place(lead.Country, crm.Country, allowTypos: false);
    }

    public string? Display(CompanyRecord record, int field) => field switch
    {
        0 => record.Name, 1 => record.Website, 2 => record.Phone, 3 => record.Street, 4 => record.City, 5 => record.State,
        6 => record.PostalCode, _ => record.Country,
    };

    private static FieldComparison Name(NormalisedCompany a, NormalisedCompany b)
    {
        if (a.Name.Length == 0 || b.Name.Length == 0)
        {
            return FieldComparison.Missing;
        }

        return PersonComparison.CompanyNames(a.Name, a.NameCompact, a.NameTokens, b.Name, b.NameCompact, b.NameTokens);
    }

    /// <summary>Same registrable domain: Exact; same name under another country TLD (acme.de vs acme.com): Close.</summary>
    private static FieldComparison Website(NormalisedCompany a, NormalisedCompany b)
    {
        if (a.Domain.Length == 0 || b.Domain.Length == 0)
        {
            return FieldComparison.Missing;
        }

        return a.Domain == b.Domain ? FieldComparison.Exact
            : a.DomainLabel == b.DomainLabel ? new FieldComparison(FieldAgreement.Close, 0.8f)
            : FieldComparison.Disagree;
    }

    private static FieldComparison PostalCode(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        return a == b ? FieldComparison.Exact
            : a.Length >= 4 && b.Length >= 4 && a.AsSpan(0, 3).SequenceEqual(b.AsSpan(0, 3)) ? new FieldComparison(FieldAgreement.Close, 0.7f)
            : FieldComparison.Disagree;
    }
}
