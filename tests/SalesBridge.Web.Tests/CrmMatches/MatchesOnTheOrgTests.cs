using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Dataverse;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>
/// SPEC S11 against an emulator org the import really ran on: Edit match survives the next runs, Create record makes the
/// contact in the org once however often it is asked, and a CRM that refuses the create is named as the cause.
/// </summary>
public sealed class MatchesOnTheOrgTests
{
    [Fact]
    public async Task EditMatch_OnAnImportedContact_TheLeadFollowsAndTheChoiceSurvivesTheNextRuns()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var sellerId = await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var lead = await org.Host.QueryAsync(db => db.SavedLeads.Include(l => l.CrmContact)
            .FirstAsync(l => l.OwnerId == sellerId && l.PersonId != null && l.CrmContactId != null && !l.SavedByHand));
        var chosen = await FreePersonAsync(org);
        using var admin = await org.Host.ApiClientAsync(org.Contract.Admin);

        var edited = await admin.PutAsJsonAsync($"api/v1/admin/crm/matches/contacts/{lead.CrmContactId}", new { counterpartId = chosen });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        // The contact changes in a compared field, so the next run reads it again and would match it afresh.
        await org.UpdateAsync("contacts", lead.CrmContact!.CrmId, new JsonObject { ["jobtitle"] = "Head of Everything" });
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);

        var record = await org.Host.QueryAsync(db => db.CrmContacts.AsNoTracking().SingleAsync(c => c.Id == lead.CrmContactId));
        (record.PersonId, record.Match.State, record.JobTitle).ShouldBe((chosen, CrmMatchState.ChosenByUser, "Head of Everything"));
        var after = await org.Host.QueryAsync(db => db.SavedLeads.AsNoTracking().SingleAsync(l => l.Id == lead.Id));
        (after.PersonId, after.CrmContactId, after.ImportedFromCrm).ShouldBe((chosen, lead.CrmContactId, true));
        (await org.Host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.OwnerId == sellerId && l.PersonId == lead.PersonId))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateRecord_MakesTheContactInTheOrgOnce_TiesTheLead_AndTheNextRunKeepsIt()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        // One whose company the import tied to a CRM account: the contact gets that account as its parent.
        var personId = await FreePersonAsync(org, companyInCrm: true);
        var person = await org.Host.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        var parent = await org.Host.QueryAsync(db => db.CrmAccounts.Where(a => a.CompanyId == person.CompanyId).Select(a => a.CrmId).SingleAsync());
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var leadId = (await (await api.PostAsJsonAsync("api/v1/leads", new { personId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.GetFromJsonAsync<JsonElement>($"api/v1/leads/{leadId}/match")).GetProperty("canCreateRecord").GetBoolean().ShouldBeTrue();

        // The org may hold a namesake the import never brought in (the world's contacts mirror its people): count from here.
        Task<int> Namesakes() => org.Crm.CountAsync("contacts", ODataFilter.And(ODataFilter.Eq("lastname", person.LastName), ODataFilter.Eq("firstname", person.FirstName)));
        var before = await Namesakes();

        var created = await api.PostAsync($"api/v1/leads/{leadId}/crm-record", null);
        var again = await api.PostAsync($"api/v1/leads/{leadId}/crm-record", null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var crmId = view.GetProperty("crmId").GetGuid();
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("crmId").GetGuid().ShouldBe(crmId);
        view.GetProperty("state").GetString().ShouldBe("ChosenByUser");
        view.GetProperty("summary").GetString()!.ShouldStartWith("Created from the workspace");
        var row = await org.Crm.RetrieveAsync("contacts", EntityKey.Id(crmId));
        (row["firstname"]!.GetValue<string>(), row["lastname"]!.GetValue<string>()).ShouldBe((person.FirstName, person.LastName));
        row["_parentcustomerid_value"]!.GetValue<string>().ShouldBe(parent.ToString());
        (await Namesakes()).ShouldBe(before + 1);
        var lead = await org.Host.QueryAsync(db => db.SavedLeads.AsNoTracking().Include(l => l.CrmContact).SingleAsync(l => l.Id == leadId));
        (lead.CrmContact!.CrmId, lead.PersonId).ShouldBe((crmId, personId));

        // A crash between the CRM call and the database: the repeat finds the contact made (412) and only ties it again.
        await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.CrmId == crmId).ExecuteDeleteAsync());
        (await api.PostAsync($"api/v1/leads/{leadId}/crm-record", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Namesakes()).ShouldBe(before + 1);

        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var record = await org.Host.QueryAsync(db => db.CrmContacts.AsNoTracking().SingleAsync(c => c.CrmId == crmId));
        (record.PersonId, record.Match.State).ShouldBe((personId, CrmMatchState.ChosenByUser));
        (await org.Host.QueryAsync(db => db.SavedLeads.AsNoTracking().SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldBe(record.Id);
    }

    [Fact]
    public async Task CreateRecord_WhenTheCrmAccountLacksTheCreatePrivilege_IsRefusedNamingIt_AndNothingIsTied()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await FreePersonAsync(org);
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var leadId = (await (await api.PostAsJsonAsync("api/v1/leads", new { personId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var security = org.Org.Emulator.Org.Security;
        foreach (var role in security.RolesOf(org.World.IntegrationUser.Id)) security.Revoke(role, "prvCreateContact");

        // createAnyway: the org holds a twin of the person, and this test is about the privilege.
        var refused = await api.PostAsJsonAsync($"api/v1/leads/{leadId}/crm-record", new { createAnyway = true });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        detail.ShouldStartWith(ConnectionFailureMessages.InsufficientPrivileges);
        detail.ShouldContain("prvCreateContact");
        (await org.Host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.PersonId == personId))).ShouldBe(0);
        (await org.Host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldBeNull();
    }

    [Fact]
    public async Task CreateRecord_FromTheLeadPage_TiesTheLeadAndSaysSo_ALeadWithAContactIsRefused()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await FreePersonAsync(org);
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var leadId = (await (await api.PostAsJsonAsync("api/v1/leads", new { personId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var browser = await org.Host.PageClientAsync(org.Contract.SeatHolder);
        var leadPage = await browser.GetStringAsync($"/Leads/{leadId}");
        leadPage.ShouldContain(">Create record</button>");
        var token = System.Text.RegularExpressions.Regex.Match(leadPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        // The world's CRM already holds this person (its contacts mirror the directory; the import did not bring this one in).
        var person = await org.Host.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        var twin = (await org.Crm.QueryAsync("contacts", new DataverseQuery { Select = ["contactid"], Filter = ODataFilter.Eq("emailaddress1", person.Email), Top = 1 })
            .FirstAsync())["contactid"]!.GetValue<string>();
        Task<HttpResponseMessage> Post(bool anyway) => browser.PostAsync("/Matches/CreateRecord", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["savedLeadId"] = leadId.ToString(), ["returnUrl"] = $"/Leads/{leadId}", ["__RequestVerificationToken"] = token, ["createAnyway"] = anyway ? "true" : "false",
        }));

        (await Post(anyway: false)).StatusCode.ShouldBe(HttpStatusCode.Found);
        var refused = await browser.GetStringAsync($"/Leads/{leadId}");
        refused.ShouldContain("Not created. The CRM already has the contact");
        refused.ShouldContain(twin, Case.Insensitive);
        refused.ShouldContain(">Create anyway</button>");
        (await org.Host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldBeNull();

        var posted = await Post(anyway: true);

        posted.StatusCode.ShouldBe(HttpStatusCode.Found);
        var after = await browser.GetStringAsync($"/Leads/{leadId}");
        after.ShouldContain("the lead is now tied to it.");
        after.ShouldContain("data-match-state=\"ChosenByUser\"");
        after.ShouldNotContain(">Create record</button>");
        (await org.Host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == leadId))).CrmContactId.ShouldNotBeNull();
        // The seat holder's imported-less lead now has a contact: Edit match is the way on, a second contact is refused.
        var lead = await org.Host.QueryAsync(db => db.SavedLeads.AsNoTracking().SingleAsync(l => l.Id == leadId));
        await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.Id == lead.CrmContactId).ExecuteUpdateAsync(u => u.SetProperty(c => c.PersonId, (Guid?)null)));
        (await api.PostAsync($"api/v1/leads/{leadId}/crm-record", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateRecord_ForAnAccount_MakesItOnce_AndAContactCreatedForOneOfItsPeopleGetsItAsParent()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var (companyId, personId) = await org.Host.QueryAsync(db => db.People
            .Where(p => p.ContractId == org.Contract.Id && p.CompanyId != null && !db.CrmAccounts.Any(a => a.CompanyId == p.CompanyId)
                && !db.CrmContacts.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.LastName).Select(p => new ValueTuple<Guid, Guid>(p.CompanyId!.Value, p.Id)).FirstAsync());
        var company = await org.Host.QueryAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId));
        using var api = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        var accountId = (await (await api.PostAsJsonAsync("api/v1/accounts", new { companyId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var leadId = (await (await api.PostAsJsonAsync("api/v1/leads", new { personId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var created = await api.PostAsync($"api/v1/accounts/{accountId}/crm-record", null);
        var again = await api.PostAsync($"api/v1/accounts/{accountId}/crm-record", null);
        // createAnyway: the org holds a twin of the person (not under this new account); this test is about the parent.
        var contact = await api.PostAsJsonAsync($"api/v1/leads/{leadId}/crm-record", new { createAnyway = true });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var crmId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("crmId").GetGuid();
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("crmId").GetGuid().ShouldBe(crmId);
        (await org.Crm.RetrieveAsync("accounts", EntityKey.Id(crmId)))["name"]!.GetValue<string>().ShouldBe(company.Name);
        (await org.Host.QueryAsync(db => db.SavedAccounts.SingleAsync(a => a.Id == accountId))).CrmAccountId.ShouldNotBeNull();
        contact.StatusCode.ShouldBe(HttpStatusCode.Created, await contact.Content.ReadAsStringAsync());
        var contactId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("crmId").GetGuid();
        (await org.Crm.RetrieveAsync("contacts", EntityKey.Id(contactId)))["_parentcustomerid_value"]!.GetValue<string>().ShouldBe(crmId.ToString());
    }

    /// <summary>A directory person no CRM record holds, so Create record and Edit match may take them.</summary>
    private static Task<Guid> FreePersonAsync(ImportOrg org, bool companyInCrm = false) => org.Host.QueryAsync(db => db.People
        .Where(p => p.ContractId == org.Contract.Id && !db.CrmContacts.Any(c => c.PersonId == p.Id) && !db.SavedLeads.Any(l => l.PersonId == p.Id))
        .Where(p => !companyInCrm || (p.CompanyId != null && db.CrmAccounts.Any(a => a.CompanyId == p.CompanyId)))
        .OrderBy(p => p.LastName).Select(p => p.Id).FirstAsync());
}
