using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class ActivityTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Task_RegardingContact_AppearsInActivityPointersTimeline()
    {
        var client = await emulator.ClientAsync();
        var contact = await client.CreateAsync("contacts", new { lastname = "Timeline" });
        var task = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "Follow up", ["regardingobjectid_contact_task@odata.bind"] = $"/contacts({contact})",
        });

        var body = await (await client.GetAsync(
            $"activitypointers?$select=subject,activitytypecode,_regardingobjectid_value&$filter=_regardingobjectid_value eq {contact}")).JsonAsync();

        var row = body.GetProperty("value").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("activityid").GetGuid().ShouldBe(task);
        row.GetProperty("activitytypecode").GetString().ShouldBe("task");
        row.GetProperty("_regardingobjectid_value").GetGuid().ShouldBe(contact);
        (await client.GetAsync($"activitypointers({task})")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
