using System.Net;
using SalesBridge.Emulator.Tests.Customization;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Activities;

[Collection("CustomizedOrg")]
public sealed class ActivityPartyAndTimelineTests(CustomizedOrgFixture org)
{
    [Fact]
    public async Task CreateTask_WithPartiesByDeepInsert_PartiesReadableThroughNavigationAndExpand()
    {
        using var client = org.AdminClient();
        var contact = await client.CreateAsync("contacts", new { lastname = Unique("Party") });

        var task = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "call back",
            ["task_activity_parties"] = new[] { new Dictionary<string, object> { ["partyid_contact@odata.bind"] = $"/contacts({contact})", ["participationtypemask"] = 2 } },
        });

        var parties = await (await client.GetAsync($"tasks({task})/task_activity_parties?$select=_partyid_value,participationtypemask")).JsonAsync();
        var party = parties.GetProperty("value").EnumerateArray().Single();
        party.GetProperty("_partyid_value").GetGuid().ShouldBe(contact);
        party.GetProperty("participationtypemask").GetInt32().ShouldBe(2);
        var expanded = await (await client.GetAsync($"tasks({task})?$select=subject&$expand=task_activity_parties($select=_activityid_value)")).JsonAsync();
        expanded.GetProperty("task_activity_parties").EnumerateArray().Single().GetProperty("_activityid_value").GetGuid().ShouldBe(task);
    }

    [Fact]
    public async Task CreateAccount_WithDeepInsertOfContacts_Returns400AndCreatesNothing()
    {
        using var client = org.AdminClient();
        var name = Unique("NoDeep");

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new Dictionary<string, object>
        {
            ["name"] = name, ["contact_customer_accounts"] = new[] { new { lastname = "Nested" } },
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        org.Server.Org.Store.Table("account").InKeyOrder().ShouldNotContain(r => (string?)r["name"] == name);
    }

    [Fact]
    public async Task ActivityPointers_TimelineOfContact_ReturnsActivitiesRegardingOrNamingIt()
    {
        var inmail = await org.InstallActivityAsync("Timeline");
        using var client = org.AdminClient();
        var contact = await client.CreateAsync("contacts", new { lastname = Unique("Timeline") });
        var other = await client.CreateAsync("contacts", new { lastname = Unique("Other") });
        var regarding = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "regarding", ["regardingobjectid_contact_task@odata.bind"] = $"/contacts({contact})",
        });
        var naming = await client.CreateAsync(inmail.EntitySet, new Dictionary<string, object>
        {
            ["subject"] = "mail from contact", [inmail.KeyColumn] = Unique("mail"), ["statecode"] = 1, ["statuscode"] = 2,
            [$"{inmail.LogicalName}_activity_parties"] = new[]
            {
                new Dictionary<string, object> { ["partyid_contact@odata.bind"] = $"/contacts({contact})", ["participationtypemask"] = 1 },
            },
        });
        await client.CreateAsync(inmail.EntitySet, new Dictionary<string, object>
        {
            ["subject"] = "unrelated",
            [$"{inmail.LogicalName}_activity_parties"] = new[] { new Dictionary<string, object> { ["partyid_contact@odata.bind"] = $"/contacts({other})" } },
        });

        var timeline = await (await client.GetAsync(
            $"activitypointers?$select=subject,activitytypecode,statecode&$filter=_regardingobjectid_value eq {contact} " +
            $"or activity_pointer_activity_parties/any(p:p/_partyid_value eq {contact})")).JsonAsync();

        var rows = timeline.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("activityid").GetGuid());
        rows.Keys.Order().ShouldBe(new[] { regarding, naming }.Order());
        rows[naming].GetProperty("activitytypecode").GetString().ShouldBe(inmail.LogicalName);
        rows[naming].GetProperty("statecode").GetInt32().ShouldBe(1);
        rows[regarding].GetProperty("activitytypecode").GetString().ShouldBe("task");
    }
}
