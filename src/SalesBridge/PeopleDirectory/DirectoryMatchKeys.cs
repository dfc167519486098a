using SalesBridge.Matching.Normalisation;
using SalesBridge.Text;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// The cheap keys that pre-select directory rows for a few changed CRM records (CrmImport's DirectoryCandidates), chosen
/// to cover the matching engine's own blocking for the usual differences (a slip inside a surname, a nickname in the same
/// city, the same mailbox). They are stored with every directory row (<see cref="DirectoryMatchKey"/>, written where rows
/// are loaded) so that the pre-selection is an indexed look-up; <see cref="Version"/> names the definition the stored
/// keys follow, and rows under another are re-keyed before the keys are relied on (<see cref="DirectoryMatchKeyFill"/>).
/// </summary>
/// <remarks>
/// People, wide (no kept weights: the engine learns from the pre-selected crowd): the surname ("s"), its first or last
/// three letters with the first initial ("p", "q"). Narrow (kept weights): the surname's start or end with the first
/// initial or a nickname's formal initial ("bill smith" also as "w"), both names' starts in either order ("w"), a first
/// name with a town ("f"), a mailbox ("m"). A row stores both sets; a CRM record asks with one.
/// Companies: the normalised name's first or last three letters ("n", "e"), the web domain ("d").
/// </remarks>
public static class DirectoryMatchKeys
{
    /// <summary>Raise when a key changes: stored keys of another version are recomputed before use.</summary>
    public const int Version = 1;

    /// <summary>
    /// A key shared by more directory rows than this pre-selects nobody: such a crowd (a common surname's start in a big
    /// directory) would be read and normalised for every changed record, and the engine drops a block that large of its
    /// own keys too (<see cref="Matching.Blocking.BlockingIndex.MaxBlockSize"/>, the same number), so the true record has
    /// to be reached through rarer keys (a mailbox, both names' starts) anyway. Measured on the large world's delta (942
    /// changed contacts, ~1,600 accounts): contact matching 1.2 s → 0.5 s, account matching 0.6 s → 0.2 s, and 6 fewer of
    /// the re-matched records matched than with no cap (2 fewer with a cap of 100, at 1.0 s for the contacts).
    /// </summary>
    public const int MaxRowsPerKey = Matching.Blocking.BlockingIndex.MaxBlockSize;

    private const char Person = 'P';
    private const char Company = 'C';

    /// <summary>The keys a pending CRM contact asks with; <paramref name="narrow"/> when the matching scores with kept weights.</summary>
    public static IEnumerable<string> OfPerson(string? firstName, string? lastName, string? city, string? email, bool narrow)
    {
        var surname = Letters(lastName);
        var given = Letters(firstName);
        if (!narrow && surname.Length > 0) yield return Key(Person, "s", surname);
        foreach (var initial in narrow ? Initials(given) : [given.Length > 0 ? given[..1] : ""])
        {
            if (surname.Length >= 3) yield return Key(Person, "p" + initial, surname[..3]);
            if (surname.Length >= 3) yield return Key(Person, "q" + initial, surname[^3..]);
        }
        if (narrow && given.Length >= 3 && surname.Length >= 3)
        {
            // Sorted, so a record with first and last name swapped meets its person.
            var (one, other) = (given[..3], surname[..3]);
            yield return string.CompareOrdinal(one, other) <= 0 ? Key(Person, "w" + one, other) : Key(Person, "w" + other, one);
        }
        var town = Letters(city);
        if (given.Length > 0 && town.Length > 0) yield return Key(Person, "f" + given[..Math.Min(3, given.Length)], town[..Math.Min(4, town.Length)]);
        if (email?.Split('@')[0] is { Length: > 0 } mailbox && Letters(mailbox) is { Length: > 0 } letters) yield return Key(Person, "m", letters);
    }

    /// <summary>What a directory person stores: the keys of both sets, once each.</summary>
    public static IEnumerable<string> StoredOfPerson(string? firstName, string? lastName, string? city, string? email) =>
        OfPerson(firstName, lastName, city, email, narrow: false).Concat(OfPerson(firstName, lastName, city, email, narrow: true)).Distinct();

    /// <summary>
    /// A company's keys, the same for asking and storing: of the name as the matching engine normalises it, so a legal form
    /// ("… GmbH", "… Inc.") does not make every company of that form share its last letters.
    /// </summary>
    public static IEnumerable<string> OfCompany(string? name, string? website)
    {
        var letters = Letters(CompanyName.Normalise(name));
        if (letters.Length >= 3) yield return Key(Company, "n", letters[..3]);
        if (letters.Length >= 3) yield return Key(Company, "e", letters[^3..]);
        if (WebDomain.Registrable(website) is { Length: > 0 } domain) yield return Key(Company, "d", domain);
    }

    /// <summary>The kind letters of every person key and every company key: for dropping all of one side.</summary>
    public static string PersonPrefix => Person.ToString();

    public static string CompanyPrefix => Company.ToString();

    /// <summary>Longer keys are cut to the column: two rows alike that far still share the key, which only offers one more candidate.</summary>
    private static string Key(char side, string kind, string value)
    {
        var key = string.Concat(side.ToString(), kind, value);
        return key.Length <= DirectoryMatchKey.MaxKeyLength ? key : key[..DirectoryMatchKey.MaxKeyLength];
    }

    /// <summary>The first name's initial and those of the formal names it may stand for ("bill": b and w).</summary>
    private static IEnumerable<string> Initials(string given) =>
        given.Length == 0 ? [""] : NicknameTable.FormalNames(given).Where(f => f.Length > 0).Select(f => f[..1]).Append(given[..1]).Distinct();

    /// <summary>The text folded to lower-case ASCII letters and digits; done for every directory person, so without LINQ.</summary>
    private static string Letters(string? text)
    {
        if (text is null) return "";
        var lower = LatinFold.Fold(text).ToLowerInvariant();
        var kept = 0;
        foreach (var c in lower) if (char.IsLetterOrDigit(c)) kept++;
        if (kept == lower.Length) return lower;
        return string.Create(kept, lower, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source) if (char.IsLetterOrDigit(c)) span[at++] = c;
        });
    }
}
