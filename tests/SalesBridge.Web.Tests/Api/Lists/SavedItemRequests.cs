using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Accounts;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Lists;

/// <summary>The arranging calls the saved-lead, saved-account and list tests share; each checks it succeeded.</summary>
internal static class SavedItemRequests
{
    public static async Task<SavedLeadSummary> SaveLeadAsync(this HttpClient client, Guid personId, params Guid[] listIds)
    {
        var response = await client.PostAsJsonAsync("api/v1/leads", new { personId, listIds }, ApiSignIn.Json);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SavedLeadSummary>(ApiSignIn.Json))!;
    }

    public static async Task<SavedAccountSummary> SaveAccountAsync(this HttpClient client, Guid companyId, params Guid[] listIds)
    {
        var response = await client.PostAsJsonAsync("api/v1/accounts", new { companyId, listIds }, ApiSignIn.Json);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SavedAccountSummary>(ApiSignIn.Json))!;
    }

    public static async Task<SavedListSummary> CreateListAsync(this HttpClient client, string name, SavedListKind kind)
    {
        var response = await client.PostAsJsonAsync("api/v1/lists", new { name, kind }, ApiSignIn.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<SavedListSummary>(ApiSignIn.Json))!;
    }

    public static async Task<IReadOnlyList<SavedListSummary>> ListsAsync(this HttpClient client, SavedListKind? kind = null) =>
        (await client.GetFromJsonAsync<List<SavedListSummary>>(kind is null ? "api/v1/lists" : $"api/v1/lists?kind={kind}", ApiSignIn.Json))!;

    /// <summary>The error messages the ProblemDetails body gives for one field.</summary>
    public static async Task<string> FieldErrorAsync(this HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()));
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
