using System.Net;
using SalesBridge.Emulator.Tests.Customization;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Activities;

[Collection("CustomizedOrg")]
public sealed class ActivityStateTests(CustomizedOrgFixture org)
{
    [Fact]
    public async Task Create_CompletedActivity_IsStoredCompleted()
    {
        var message = await org.InstallActivityAsync("Done");
        using var client = org.AdminClient();

        var id = await client.CreateAsync(message.EntitySet, new { subject = "sent", statecode = 1, statuscode = 2 });

        var row = await (await client.GetAsync($"{message.EntitySet}({id})?$select=statecode,statuscode")).JsonAsync();
        row.GetProperty("statecode").GetInt32().ShouldBe(1);
        row.GetProperty("statuscode").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Patch_CompleteThenReopen_StateFollows()
    {
        using var client = org.AdminClient();
        var task = await client.CreateAsync("tasks", new { subject = "follow up" });

        var completed = await client.SendAsync(Json(HttpMethod.Patch, $"tasks({task})", new { statecode = 1, statuscode = 5 }));
        var reopened = await client.SendAsync(Json(HttpMethod.Patch, $"tasks({task})", new { statecode = 0, statuscode = 3 }));

        completed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        reopened.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var row = await (await client.GetAsync($"tasks({task})?$select=statecode,statuscode")).JsonAsync();
        row.GetProperty("statecode").GetInt32().ShouldBe(0);
        row.GetProperty("statuscode").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Patch_SubjectOfCompletedActivity_Returns400AndKeepsRow()
    {
        using var client = org.AdminClient();
        var task = await client.CreateAsync("tasks", new { subject = "closed", statecode = 1, statuscode = 5 });

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"tasks({task})", new { subject = "edited" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.ShouldBe("0x80040233");
        org.Server.Org.Store.Find("task", task)!["subject"].ShouldBe("closed");
    }

    [Fact]
    public async Task Create_StatusOfAnotherState_Returns400()
    {
        using var client = org.AdminClient();

        var response = await client.SendAsync(Json(HttpMethod.Post, "tasks", new { subject = "odd", statecode = 1, statuscode = 6 }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("is not a valid status code");
    }

    [Fact]
    public async Task Delete_ActivityWithParties_RemovesItsParties()
    {
        using var client = org.AdminClient();
        var contact = await client.CreateAsync("contacts", new { lastname = Unique("Gone") });
        var task = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "to delete",
            ["task_activity_parties"] = new[] { new Dictionary<string, object> { ["partyid_contact@odata.bind"] = $"/contacts({contact})" } },
        });

        (await client.DeleteAsync($"tasks({task})")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        org.Server.Org.Store.Table("activityparty").InKeyOrder().ShouldNotContain(p => p.Reference("activityid")!.Id == task);
    }
}
