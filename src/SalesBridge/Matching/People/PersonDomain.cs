using System.Runtime.CompilerServices;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Engine;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.People;

/// <summary>People as the engine sees them: nine fields, their priors, keys and comparisons. One instance per run (it memoises).</summary>
internal sealed class PersonDomain : IMatchDomain<PersonRecord, NormalisedPerson>
{
    private readonly PersonNormalisationMemo memo = new();

    // Priors per level: Exact, Close, Partial, Disagree. EM moves them; these only set where it starts.
    private static readonly FieldPrior[] Priors =
    [
        new("FirstName", [0.80, 0.12, 0.04, 0.04], [0.05, 0.02, 0.05, 0.88]),
        new("LastName", [0.85, 0.09, 0.03, 0.03], [0.05, 0.03, 0.07, 0.85]),
        new("Email", [0.75, 0.10, 0.05, 0.10], [0.0005, 0.0005, 0.05, 0.949]),
        new("Company", [0.60, 0.15, 0.10, 0.15], [0.05, 0.02, 0.05, 0.88]),
        new("JobTitle", [0.50, 0.20, 0.10, 0.20], [0.05, 0.05, 0.15, 0.75]),
        new("Phone", [0.75, 0.10, 0.01, 0.14], [0.0005, 0.0005, 0.001, 0.998]),
        new("City", [0.80, 0.08, 0.04, 0.08], [0.10, 0.02, 0.03, 0.85]),
        new("State", [0.90, 0.02, 0.02, 0.06], [0.30, 0.01, 0.01, 0.68]),
        new("Country", [0.92, 0.02, 0.02, 0.04], [0.40, 0.01, 0.01, 0.58]),
    ];

    public string CrmNoun => "contact";

    public IReadOnlyList<FieldPrior> Fields => Priors;

    public double DefaultThreshold => 0.5;

    // Names, and the city: sharing London says less than sharing a village.
    public IReadOnlyList<int> FrequencyFields { get; } = [0, 1, 6];

    public string IdOf(PersonRecord record) => record.Id;

    public string FrequencyValue(NormalisedPerson record, int field) => field switch
    {
        0 => record.First,
        1 => record.LastCompact,
        _ => record.City,
    };

    public NormalisedPerson Normalise(PersonRecord record) => NormalisedPerson.From(record, memo);

    public void AddBlockingKeys(NormalisedPerson record, bool seeking, List<ulong> keys) => PersonBlockingKeys.Add(record, seeking, keys);

    public int[]?[]? SearchedCandidates(NormalisedPerson[] crm, NormalisedPerson[] leads) => PersonSparseSearch.Find(crm, leads);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compare(NormalisedPerson lead, NormalisedPerson crm, Span<FieldComparison> into)
    {
        PersonNameComparison.Compare(lead, crm, out into[0], out into[1]);
        into[2] = PersonComparison.Email(lead.Email, crm.Email);
        if (into[0].Agreement == FieldAgreement.Disagree && into[1].Agreement == FieldAgreement.Disagree)
        {
            // Both names differ: the pair cannot reach any threshold whatever its employer and title, and EM gives it
            // no weight as a match, so the costly fuzzy comparisons are replaced by plain equality.
            into[3] = PersonComparison.Equal(lead.Company, crm.Company);
            into[4] = PersonComparison.Equal(lead.Title, crm.Title);
        }
        else
        {
            into[3] = PersonComparison.Company(lead, crm);
            into[4] = PersonComparison.Title(lead.TitleTokens, crm.TitleTokens);
        }

        into[5] = PersonComparison.Phone(lead.Phone, crm.Phone);
        into[6] = PersonComparison.City(lead, crm);
        into[7] = PersonComparison.Place(lead.State, crm.State, allowTypos: false);
        into[8] = PersonComparison.Place(lead.Country, crm.Country, allowTypos: false);
    }

    public string? Display(PersonRecord record, int field) => field switch
    {
        0 => record.FirstName, 1 => record.LastName, 2 => record.Email, 3 => record.Company, 4 => record.JobTitle,
        5 => record.Phone, 6 => record.City, 7 => record.State, _ => record.Country,
    };
}
