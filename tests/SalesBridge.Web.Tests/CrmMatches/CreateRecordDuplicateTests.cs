using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Dataverse;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>
/// Create record first looks in the CRM (over HTTP, against the emulator) for the same person or company and refuses with
/// 409 naming it, unless the request says createAnyway: true.
/// </summary>
public sealed class CreateRecordDuplicateTests
{
    [Fact]
    public async Task Contact_WithTheSameEmailInTheCrm_IsRefusedNamingIt_NothingMade_UntilCreateAnyway()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var free = await FreePersonAsync(org);
        // An address of its own: the world's CRM may hold the person already (its contacts mirror the directory).
        await org.Host.QueryAsync(db => db.People.Where(p => p.Id == free.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, $"dup-{free.Id:N}@example.com")));
        var person = await org.Host.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == free.Id));
        var existingId = Guid.NewGuid();
        // Another spelling of the name and the email in other case: the email alone says it is the same person.
        await org.Crm.UpsertAsync("contacts", EntityKey.Id(existingId), new JsonObject
        {
            ["firstname"] = "Other", ["lastname"] = "O'Spelling", ["emailaddress1"] = person.Email!.ToUpperInvariant(),
        }, UpsertBehavior.CreateOnly);
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var leadId = await SaveLeadAsync(api, person.Id);
        Task<int> SameEmail() => org.Crm.CountAsync("contacts", ODataFilter.Eq("emailaddress1", person.Email));
        var before = await SameEmail();

        var refused = await api.PostAsync($"api/v1/leads/{leadId}/crm-record", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var existing = problem.GetProperty("existing");
        existing.GetProperty("crmId").GetGuid().ShouldBe(existingId);
        existing.GetProperty("name").GetString().ShouldBe("Other O'Spelling");
        existing.GetProperty("crmUrl").GetString()!.ShouldContain(existingId.ToString("D"), Case.Insensitive);
        problem.GetProperty("detail").GetString()!.ShouldContain("Edit match");
        (await SameEmail()).ShouldBe(before);
        (await org.Host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldBeNull();

        var anyway = await api.PostAsJsonAsync($"api/v1/leads/{leadId}/crm-record", new { createAnyway = true });

        anyway.StatusCode.ShouldBe(HttpStatusCode.Created, await anyway.Content.ReadAsStringAsync());
        (await SameEmail()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Contact_WithTheSameNameUnderTheSameParentAccount_IsRefused_BadInputNamesTheField()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var person = await FreePersonAsync(org, companyInCrm: true);
        var parent = await org.Host.QueryAsync(db => db.CrmAccounts.Where(a => a.CompanyId == person.CompanyId).Select(a => a.CrmId).SingleAsync());
        var existingId = Guid.NewGuid();
        await org.Crm.UpsertAsync("contacts", EntityKey.Id(existingId), new JsonObject
        {
            ["firstname"] = person.FirstName, ["lastname"] = person.LastName, ["parentcustomerid_account@odata.bind"] = $"/accounts({parent:D})",
        }, UpsertBehavior.CreateOnly);
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var leadId = await SaveLeadAsync(api, person.Id);

        var bad = await api.PostAsJsonAsync($"api/v1/leads/{leadId}/crm-record", new { createAnyway = "yes" });
        var refused = await api.PostAsJsonAsync($"api/v1/leads/{leadId}/crm-record", new { createAnyway = false });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("createAnyway");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("existing").GetProperty("crmId").GetGuid().ShouldBe(existingId);
        problem.GetProperty("detail").GetString()!.ShouldContain("same name under the same parent account");
        (await org.Host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldBeNull();
    }

    [Theory]
    [InlineData("name")]
    [InlineData("domain")]
    public async Task Account_WithTheSameNameOrWebsiteDomainInTheCrm_IsRefusedNamingIt_UntilCreateAnyway(string alike)
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var company = await org.Host.QueryAsync(db => db.Companies.AsNoTracking()
            .Where(c => c.ContractId == org.Contract.Id && c.Website != null && !db.CrmAccounts.Any(a => a.CompanyId == c.Id)).OrderBy(c => c.Name).FirstAsync());
        // The org may already hold the company (the world's accounts mirror its companies): the test makes its own twin.
        await org.Host.QueryAsync(db => db.Companies.Where(c => c.Id == company.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, "Zyx Twin Test GmbH").SetProperty(c => c.Website, "https://www.zyx-twin-test.de/")));
        var existingId = Guid.NewGuid();
        await org.Crm.UpsertAsync("accounts", EntityKey.Id(existingId), alike == "name"
            ? new JsonObject { ["name"] = "ZYX Twin Test GmbH" }
            : new JsonObject { ["name"] = "Zyx (Germany)", ["websiteurl"] = "http://shop.zyx-twin-test.de/kontakt" }, UpsertBehavior.CreateOnly);
        // A site whose domain merely contains the other's is not the same company.
        await org.Crm.UpsertAsync("accounts", EntityKey.Id(Guid.NewGuid()), new JsonObject { ["name"] = "Not Zyx", ["websiteurl"] = "https://notzyx-twin-test.de" }, UpsertBehavior.CreateOnly);
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var accountId = (await (await api.PostAsJsonAsync("api/v1/accounts", new { companyId = company.Id })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await api.PostAsync($"api/v1/accounts/{accountId}/crm-record", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("existing").GetProperty("crmId").GetGuid().ShouldBe(existingId);
        problem.GetProperty("detail").GetString()!.ShouldContain(alike == "name" ? "same name" : "same domain, zyx-twin-test.de");
        (await org.Host.QueryAsync(db => db.SavedAccounts.SingleAsync(a => a.Id == accountId))).CrmAccountId.ShouldBeNull();

        var anyway = await api.PostAsJsonAsync($"api/v1/accounts/{accountId}/crm-record", new { createAnyway = true });
        anyway.StatusCode.ShouldBe(HttpStatusCode.Created, await anyway.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Account_WithNothingAlikeInTheCrm_IsCreated()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var company = await org.Host.QueryAsync(db => db.Companies.AsNoTracking()
            .Where(c => c.ContractId == org.Contract.Id && !db.CrmAccounts.Any(a => a.CompanyId == c.Id)).OrderBy(c => c.Name).FirstAsync());
        await org.Host.QueryAsync(db => db.Companies.Where(c => c.Id == company.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, "Qwv Unique Test Ltd").SetProperty(c => c.Website, "https://qwv-unique-test.co.uk")));
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var accountId = (await (await api.PostAsJsonAsync("api/v1/accounts", new { companyId = company.Id })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var created = await api.PostAsync($"api/v1/accounts/{accountId}/crm-record", null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> SaveLeadAsync(HttpClient api, Guid personId) =>
        (await (await api.PostAsJsonAsync("api/v1/leads", new { personId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static Task<PeopleDirectory.Person> FreePersonAsync(ImportOrg org, bool companyInCrm = false) => org.Host.QueryAsync(db => db.People.AsNoTracking()
        .Where(p => p.ContractId == org.Contract.Id && p.Email != null && !db.CrmContacts.Any(c => c.PersonId == p.Id) && !db.SavedLeads.Any(l => l.PersonId == p.Id))
        .Where(p => !companyInCrm || (p.CompanyId != null && db.CrmAccounts.Any(a => a.CompanyId == p.CompanyId)))
        .OrderBy(p => p.LastName).FirstAsync());
}
