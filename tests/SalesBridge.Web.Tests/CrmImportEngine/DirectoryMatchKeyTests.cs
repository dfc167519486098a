using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmImport;
using SalesBridge.PeopleDirectory;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportEngine;

/// <summary>
/// The directory's stored match keys: written and replaced where people and companies are loaded, filled for rows loaded
/// before keys were stored, and what a delta run asks the database for instead of reading the whole directory.
/// </summary>
public sealed class DirectoryMatchKeyTests
{
    [Fact]
    public async Task LoadingAPerson_StoresItsKeys_AndLoadingItChangedReplacesThem()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var row = new PersonRow { ExternalId = "keys-1", FirstName = "Jürgen", LastName = "Müller-Lüdenscheidt", City = "Köln", Email = "j.mueller@example.com" };
        await LoadPersonAsync(org, row);

        (await KeysAsync(org, "keys-1")).ShouldBe(["Pfjurkoln", "Pmjmueller", "Ppjmul", "Pqjidt", "Psmullerludenscheidt", "Pwjurmul"]);

        await LoadPersonAsync(org, row with { LastName = "Schmidt", City = null, Email = "js@example.com" });

        (await KeysAsync(org, "keys-1")).ShouldBe(["Pmjs", "Ppjsch", "Pqjidt", "Psschmidt", "Pwjursch"]);
        (await org.Host.QueryAsync(db => db.People.Where(p => p.ExternalId == "keys-1").Select(p => p.MatchKeysVersion).SingleAsync()))
            .ShouldBe(DirectoryMatchKeys.Version);
    }

    [Fact]
    public async Task LoadingACompany_StoresItsKeys_AndLoadingItChangedReplacesThem()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var row = new CompanyRow { ExternalId = "keys-c", Name = "Keller Logistik GmbH", Website = "https://www.keller-logistik.de/kontakt" };
        await LoadCompanyAsync(org, row);

        (await KeysAsync(org, "keys-c")).ShouldBe(["Cdkeller-logistik.de", "Cetik", "Cnkel"]);

        await LoadCompanyAsync(org, row with { Website = null });

        (await KeysAsync(org, "keys-c")).ShouldBe(["Cetik", "Cnkel"]);
    }

    [Fact]
    public async Task DeltaRun_FindsAContactsPersonThroughTheStoredKeys_AfterKeyingRowsLoadedWithoutThem()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var contact = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId != null && c.Match.State == CrmMatchState.Matched)
            .OrderBy(c => c.CrmId).Select(c => new { c.CrmId, PersonId = c.PersonId!.Value }).FirstAsync());
        // The delta must pre-select: one changed contact against a directory far more than ten times larger.
        (await org.Host.QueryAsync(db => db.People.CountAsync(p => p.ContractId == org.Contract.Id))).ShouldBeGreaterThan(100);

        // Every row as if loaded before keys were stored, and the contact no longer tied (a tie is offered without keys).
        await org.Host.QueryAsync(db => db.DirectoryMatchKeys.ExecuteDeleteAsync());
        await org.Host.QueryAsync(db => db.People.ExecuteUpdateAsync(u => u.SetProperty(p => p.MatchKeysVersion, 0)));
        await UntieAndChangeAsync(org, contact.CrmId, "+1 555 0100");

        (await org.RunAsync()).Mode.ShouldBe(SyncReadMode.Changes);

        (await PersonOfAsync(org, contact.CrmId)).ShouldBe(contact.PersonId);
        (await org.Host.QueryAsync(db => db.People.CountAsync(p => p.ContractId == org.Contract.Id && p.MatchKeysVersion != DirectoryMatchKeys.Version))).ShouldBe(0);
        (await org.Host.QueryAsync(db => db.DirectoryMatchKeys.CountAsync(k => k.RecordId == contact.PersonId))).ShouldBeGreaterThan(0);

        // Without its keys the person is not offered: the keys, not a read of the directory, chose it.
        await org.Host.QueryAsync(db => db.DirectoryMatchKeys.Where(k => k.RecordId == contact.PersonId).ExecuteDeleteAsync());
        await UntieAndChangeAsync(org, contact.CrmId, "+1 555 0101");

        (await org.RunAsync()).Mode.ShouldBe(SyncReadMode.Changes);

        (await PersonOfAsync(org, contact.CrmId)).ShouldNotBe(contact.PersonId);
    }

    [Fact]
    public async Task DeltaRun_AKeySharedByMoreRowsThanTheCap_PreselectsNobody()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var contact = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId != null && c.Match.State == CrmMatchState.Matched && c.Email != null)
            .OrderBy(c => c.CrmId).Select(c => new { c.CrmId, PersonId = c.PersonId!.Value, c.FirstName, c.LastName, c.City, c.Email }).FirstAsync());
        // The person keeps one key the contact asks with (a delta scores with kept weights: the narrow keys), shared with
        // as many other rows as the cap allows and then one more.
        var asked = DirectoryMatchKeys.OfPerson(contact.FirstName, contact.LastName, contact.City, contact.Email, narrow: true).ToList();
        var stored = await org.Host.QueryAsync(db => db.DirectoryMatchKeys.Where(k => k.RecordId == contact.PersonId).Select(k => k.Key).ToListAsync());
        var key = stored.Intersect(asked).OrderBy(k => k, StringComparer.Ordinal).First();
        await org.Host.QueryAsync(db => db.DirectoryMatchKeys.Where(k => k.RecordId == contact.PersonId && k.Key != key).ExecuteDeleteAsync());
        await org.Host.QueryAsync(db => db.DirectoryMatchKeys.Where(k => k.Key == key && k.RecordId != contact.PersonId).ExecuteDeleteAsync());
        await org.Host.QueryAsync(async db =>
        {
            db.DirectoryMatchKeys.AddRange(Enumerable.Range(0, DirectoryMatchKeys.MaxRowsPerKey)
                .Select(_ => new DirectoryMatchKey { ContractId = org.Contract.Id, Key = key, RecordId = Guid.NewGuid() }));
            return await db.SaveChangesAsync();
        });
        await UntieAndChangeAsync(org, contact.CrmId, "+1 555 0102");

        (await org.RunAsync()).Mode.ShouldBe(SyncReadMode.Changes);

        (await PersonOfAsync(org, contact.CrmId)).ShouldNotBe(contact.PersonId);

        // At the cap the key selects its rows again, the person among them.
        await org.Host.QueryAsync(async db =>
        {
            var one = await db.DirectoryMatchKeys.FirstAsync(k => k.Key == key && k.RecordId != contact.PersonId);
            db.DirectoryMatchKeys.Remove(one);
            return await db.SaveChangesAsync();
        });
        await UntieAndChangeAsync(org, contact.CrmId, "+1 555 0103");

        (await org.RunAsync()).Mode.ShouldBe(SyncReadMode.Changes);

        (await PersonOfAsync(org, contact.CrmId)).ShouldBe(contact.PersonId);
    }

    /// <summary>
    /// Clears the contact's tie and changes its phone, a compared field, so the next run matches it again; the demo's
    /// directory people have no phone, so the score does not move (a changed job title would: the world's few hundred
    /// names weigh little).
    /// </summary>
    private static async Task UntieAndChangeAsync(ImportOrg org, Guid crmId, string phone)
    {
        await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.CrmId == crmId).ExecuteUpdateAsync(u => u.SetProperty(c => c.PersonId, (Guid?)null)));
        await org.UpdateAsync("contacts", crmId, new JsonObject { ["telephone1"] = phone });
    }

    private static async Task LoadPersonAsync(ImportOrg org, PersonRow row)
    {
        await using var scope = org.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadDirectory>().LoadPeopleAsync(org.Contract.Id, [row], CancellationToken.None);
    }

    private static async Task LoadCompanyAsync(ImportOrg org, CompanyRow row)
    {
        await using var scope = org.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadDirectory>().LoadCompaniesAsync(org.Contract.Id, [row], CancellationToken.None);
    }

    private static Task<List<string>> KeysAsync(ImportOrg org, string externalId) => org.Host.QueryAsync(db =>
    {
        var ids = db.People.Where(p => p.ExternalId == externalId).Select(p => p.Id).Concat(db.Companies.Where(c => c.ExternalId == externalId).Select(c => c.Id));
        return db.DirectoryMatchKeys.Where(k => k.ContractId == org.Contract.Id && ids.Contains(k.RecordId)).Select(k => k.Key).OrderBy(k => k).ToListAsync();
    });

    private static Task<Guid?> PersonOfAsync(ImportOrg org, Guid crmId) =>
        org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.CrmId == crmId).Select(c => c.PersonId).SingleAsync());
}
