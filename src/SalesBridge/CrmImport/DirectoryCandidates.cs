using Microsoft.EntityFrameworkCore;
using SalesBridge.Matching;
using SalesBridge.Matching.Normalisation;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// The directory people or companies pending CRM records are matched against. A first run (many records) compares with
/// the whole directory. A later run brings a few changed records, and preparing a whole directory of hundreds of
/// thousands for them would cost most of the run: then only directory rows sharing a cheap key with some pending record
/// are read (the surname, or its start or end with the first initial, an email mailbox, a first name with a city; a company name's start or end, a web
/// domain), chosen to cover the engine's own blocking for the usual differences (a slip inside a surname, a nickname
/// in the same city, the same mailbox). A record that differs from its person in every one of these keys is left
/// unmatched until a full read compares it with the whole directory (after an expired change token or a settings change).
/// </summary>
/// <remarks>
/// With weights a whole-directory run learned (<c>narrow</c>), the engine no longer needs a crowd to learn from, so the
/// surname alone (which in a directory of a few hundred surnames selects most of it) is not a key: the surname's start
/// or end with the first initial or a nickname's formal initial, both names' starts in either order, a first name with a
/// city, a mailbox. The directory record a pending record was tied to before is always offered again.
/// </remarks>
internal sealed class DirectoryCandidates(SalesBridgeDbContext db, Guid contractId)
{
    /// <summary>Below this share of the directory, pending records get pre-selected candidates.</summary>
    private const double PreselectBelowShare = 0.1;

    /// <param name="tiedBefore">Directory people the pending records were tied to: offered even without a shared key.</param>
    /// <param name="narrow">True when the matching will score with kept weights: narrower keys (see remarks).</param>
    public async Task<DirectoryChoice<PersonRecord>> PeopleAsync(IReadOnlyList<PersonRecord> pending, IReadOnlySet<Guid> held, IReadOnlySet<Guid> tiedBefore,
        bool narrow, CancellationToken cancellationToken)
    {
        // Compared with the directory less what other CRM records hold, as when the whole directory was read to count it.
        var unheld = await db.People.CountAsync(p => p.ContractId == contractId, cancellationToken) - held.Count;
        var whole = pending.Count >= unheld * PreselectBelowShare;
        var keys = whole ? null : pending.SelectMany(p => PersonKeys(p.FirstName, p.LastName, p.City, p.Email, narrow)).ToHashSet();
        // Read row by row with the repeating texts pooled, keeping only what is compared: the directory is held while the
        // engine runs, and a pre-selection is a small part of it.
        var kept = new List<PersonRecord>();
        var pool = new TextPool();
        await foreach (var p in db.People.AsNoTracking().Where(p => p.ContractId == contractId)
            .Select(p => new { Id = p.Id.ToString(), p.FirstName, p.LastName, p.Email, p.CompanyName, p.Title, p.Phone, p.City, p.Region, p.Country })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // The id as the database writes it out, as before (it appears in the match explanations).
            var id = Guid.Parse(p.Id);
            if (held.Contains(id)) continue;
            if (keys is not null && !tiedBefore.Contains(id) && !PersonKeys(p.FirstName, p.LastName, p.City, p.Email, narrow).Any(keys.Contains)) continue;
            kept.Add(new PersonRecord(p.Id)
            {
                FirstName = pool.Of(p.FirstName), LastName = pool.Of(p.LastName), Email = p.Email, Company = pool.Of(p.CompanyName), JobTitle = pool.Of(p.Title),
                Phone = p.Phone, City = pool.Of(p.City), State = pool.Of(p.Region), Country = pool.Of(p.Country),
            });
        }
        return new DirectoryChoice<PersonRecord>(kept, whole);
    }

    /// <param name="tiedBefore">Directory companies the pending records were tied to: offered even without a shared key.</param>
    /// <remarks>The company keys are narrow already: kept weights change nothing here.</remarks>
    public async Task<DirectoryChoice<CompanyRecord>> CompaniesAsync(IReadOnlyList<CompanyRecord> pending, IReadOnlySet<Guid> held, IReadOnlySet<Guid> tiedBefore,
        CancellationToken cancellationToken)
    {
        var all = await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId).Select(c => new CompanyRecord(c.Id.ToString()) { Name = c.Name, Website = c.Website, City = c.City, Country = c.Country })
            .ToListAsync(cancellationToken);
        var total = all.Count;
        all = all.Where(c => !held.Contains(Guid.Parse(c.Id))).ToList();
        if (pending.Count >= total * PreselectBelowShare) return new DirectoryChoice<CompanyRecord>(all, Whole: true);
        var keys = pending.SelectMany(c => CompanyKeys(c.Name, c.Website)).ToHashSet();
        return new DirectoryChoice<CompanyRecord>(
            all.Where(c => tiedBefore.Contains(Guid.Parse(c.Id)) || CompanyKeys(c.Name, c.Website).Any(keys.Contains)).ToList(), Whole: false);
    }

    private static IEnumerable<string> PersonKeys(string? firstName, string? lastName, string? city, string? email, bool narrow)
    {
        var surname = Letters(lastName);
        var given = Letters(firstName);
        if (!narrow && surname.Length > 0) yield return "s" + surname;
        foreach (var initial in narrow ? Initials(given) : [given.Length > 0 ? given[..1] : ""])
        {
            if (surname.Length >= 3) yield return "p" + initial + surname[..3];
            if (surname.Length >= 3) yield return "q" + initial + surname[^3..];
        }
        if (narrow && given.Length >= 3 && surname.Length >= 3)
        {
            // Sorted, so a record with first and last name swapped meets its person.
            var (one, other) = (given[..3], surname[..3]);
            yield return string.CompareOrdinal(one, other) <= 0 ? "w" + one + other : "w" + other + one;
        }
        var town = Letters(city);
        if (given.Length > 0 && town.Length > 0) yield return "f" + given[..Math.Min(3, given.Length)] + town[..Math.Min(4, town.Length)];
        if (email?.Split('@')[0] is { Length: > 0 } mailbox) yield return "m" + Letters(mailbox);
    }

    /// <summary>The first name's initial and those of the formal names it may stand for ("bill": b and w).</summary>
    private static IEnumerable<string> Initials(string given) =>
        given.Length == 0 ? [""] : NicknameTable.FormalNames(given).Where(f => f.Length > 0).Select(f => f[..1]).Append(given[..1]).Distinct();

    private static IEnumerable<string> CompanyKeys(string? name, string? website)
    {
        var letters = Letters(name);
        if (letters.Length >= 3) yield return "n" + letters[..3];
        if (letters.Length >= 3) yield return "e" + letters[^3..];
        if (WebDomain.Registrable(website) is { Length: > 0 } domain) yield return "d" + domain;
    }

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

/// <summary>The directory records to match against, and whether they are the whole directory (less what others hold).</summary>
internal sealed record DirectoryChoice<T>(List<T> Records, bool Whole);
