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
internal sealed class DirectoryCandidates(SalesBridgeDbContext db, Guid contractId)
{
    /// <summary>Below this share of the directory, pending records get pre-selected candidates.</summary>
    private const double PreselectBelowShare = 0.1;

    public async Task<List<PersonRecord>> PeopleAsync(IReadOnlyList<PersonRecord> pending, IReadOnlySet<Guid> held, CancellationToken cancellationToken)
    {
        // Read row by row with the repeating texts pooled: the whole directory is held while the engine runs.
        var all = new List<PersonRecord>();
        var pool = new TextPool();
        await foreach (var p in db.People.AsNoTracking().Where(p => p.ContractId == contractId)
            .Select(p => new { Id = p.Id.ToString(), p.FirstName, p.LastName, p.Email, p.CompanyName, p.Title, p.Phone, p.City, p.Region, p.Country })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // The id as the database writes it out, as before (it appears in the match explanations).
            if (held.Contains(Guid.Parse(p.Id))) continue;
            all.Add(new PersonRecord(p.Id)
            {
                FirstName = pool.Of(p.FirstName), LastName = pool.Of(p.LastName), Email = p.Email, Company = pool.Of(p.CompanyName), JobTitle = pool.Of(p.Title),
                Phone = p.Phone, City = pool.Of(p.City), State = pool.Of(p.Region), Country = pool.Of(p.Country),
            });
        }
        if (pending.Count >= all.Count * PreselectBelowShare) return all;
        var keys = pending.SelectMany(PersonKeys).ToHashSet();
        return all.Where(p => PersonKeys(p).Any(keys.Contains)).ToList();
    }

    public async Task<List<CompanyRecord>> CompaniesAsync(IReadOnlyList<CompanyRecord> pending, IReadOnlySet<Guid> held, CancellationToken cancellationToken)
    {
        var all = await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId).Select(c => new CompanyRecord(c.Id.ToString()) { Name = c.Name, Website = c.Website, City = c.City, Country = c.Country })
            .ToListAsync(cancellationToken);
        var total = all.Count;
        all = all.Where(c => !held.Contains(Guid.Parse(c.Id))).ToList();
        if (pending.Count >= total * PreselectBelowShare) return all;
        var keys = pending.SelectMany(c => CompanyKeys(c.Name, c.Website)).ToHashSet();
        return all.Where(c => CompanyKeys(c.Name, c.Website).Any(keys.Contains)).ToList();
    }

    private static IEnumerable<string> PersonKeys(PersonRecord person)
    {
        var surname = Letters(person.LastName);
        var given = Letters(person.FirstName);
        var initial = given.Length > 0 ? given[..1] : "";
        if (surname.Length > 0) yield return "s" + surname;
        if (surname.Length >= 3) yield return "p" + initial + surname[..3];
        if (surname.Length >= 3) yield return "q" + initial + surname[^3..];
        var town = Letters(person.City);
        if (given.Length > 0 && town.Length > 0) yield return "f" + given[..Math.Min(3, given.Length)] + town[..Math.Min(4, town.Length)];
        if (person.Email?.Split('@')[0] is { Length: > 0 } mailbox) yield return "m" + Letters(mailbox);
    }

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
