using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Notes;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Notes;

[Collection(WorkspaceCollection.Name)]
public sealed class NotesApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddNote_OnPerson_StoresTrimmedTextWithCopyToCrmByDefault(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync($"api/v1/people/{mine.PersonIds[0]}/notes", new { text = "  Met at the fair.  " });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var note = (await response.Content.ReadFromJsonAsync<NoteDetails>(ApiSignIn.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/notes/{note.Id}");
        note.Text.ShouldBe("Met at the fair.");
        note.CopyToCrm.ShouldBeTrue();
        note.PersonId.ShouldBe(mine.PersonIds[0]);
        note.CompanyId.ShouldBeNull();
        (await ListAsync(client, $"people/{mine.PersonIds[0]}")).Items.Single().Id.ShouldBe(note.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddNote_OnCompanyWithCopyToCrmFalse_KeepsTheChoice(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync($"api/v1/companies/{mine.CompanyIds[1]}/notes", new { text = "Budget in Q3", copyToCrm = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var notes = await ListAsync(client, $"companies/{mine.CompanyIds[1]}");
        notes.Items.Single().CopyToCrm.ShouldBeFalse();
        notes.Items.Single().CompanyId.ShouldBe(mine.CompanyIds[1]);
        (await ListAsync(client, $"companies/{mine.CompanyIds[0]}")).Items.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListNotes_NewestFirst_OnlyTheCallersOwn(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        var person = mine.PersonIds[2];
        foreach (var text in new[] { "first", "second", "third" })
        {
            (await client.PostAsJsonAsync($"api/v1/people/{person}/notes", new { text })).EnsureSuccessStatusCode();
        }

        (await colleague.PostAsJsonAsync($"api/v1/people/{person}/notes", new { text = "colleague's" })).EnsureSuccessStatusCode();

        (await ListAsync(client, $"people/{person}")).Items.Select(n => n.Text).ShouldBe(["third", "second", "first"]);
        (await ListAsync(colleague, $"people/{person}")).Items.Select(n => n.Text).ShouldBe(["colleague's"]);
        var paged = await ListAsync(client, $"people/{person}", "?pageSize=2&page=2");
        paged.TotalCount.ShouldBe(3);
        paged.Items.Select(n => n.Text).ShouldBe(["first"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddNote_TextTooLong_Is400NamingTextAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync($"api/v1/people/{mine.PersonIds[0]}/notes", new { text = new string('x', Note.MaxTextLength + 1) });

        await ShouldBeValidationProblem(response, "text", "at most 10000 characters");
        (await ListAsync(client, $"people/{mine.PersonIds[0]}")).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddNote_MissingOrBlankText_Is400NamingText(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        await ShouldBeValidationProblem(await client.PostAsJsonAsync($"api/v1/people/{mine.PersonIds[0]}/notes", new { copyToCrm = true }), "text", "text is required");
        await ShouldBeValidationProblem(await client.PostAsJsonAsync($"api/v1/companies/{mine.CompanyIds[0]}/notes", new { text = "   " }), "text", "text is required");
        (await ListAsync(client, $"people/{mine.PersonIds[0]}")).TotalCount.ShouldBe(0);
        (await ListAsync(client, $"companies/{mine.CompanyIds[0]}")).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Notes_PersonOrCompanyOfAnotherContractOrUnknown_Is404AndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var them = await host.ApiClientAsync(theirs.SeatHolder);

        (await client.PostAsJsonAsync($"api/v1/people/{theirs.PersonIds[0]}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"api/v1/companies/{theirs.CompanyIds[0]}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/people/{theirs.PersonIds[0]}/notes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/companies/{Guid.NewGuid()}/notes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"api/v1/people/{Guid.NewGuid()}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListAsync(them, $"people/{theirs.PersonIds[0]}")).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditNote_TextAndCopyToCrm_Changes(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var note = await AddAsync(client, $"people/{mine.PersonIds[0]}", "draft");

        var copyOff = await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { copyToCrm = false });
        var retext = await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { text = " final " });

        copyOff.StatusCode.ShouldBe(HttpStatusCode.OK);
        retext.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = (await ListAsync(client, $"people/{mine.PersonIds[0]}")).Items.Single();
        stored.Text.ShouldBe("final");
        stored.CopyToCrm.ShouldBeFalse();
        stored.UpdatedAt.ShouldBeGreaterThanOrEqualTo(stored.CreatedAt);
        (await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { copyToCrm = true })).EnsureSuccessStatusCode();
        (await ListAsync(client, $"people/{mine.PersonIds[0]}")).Items.Single().CopyToCrm.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditNote_BadInput_Is400AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var note = await AddAsync(client, $"people/{mine.PersonIds[0]}", "keep me");

        await ShouldBeValidationProblem(await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { text = new string('y', Note.MaxTextLength + 1) }), "text", "at most 10000");
        await ShouldBeValidationProblem(await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { text = "  " }), "text", "must not be empty");
        await ShouldBeValidationProblem(await client.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { }), "text", "copyToCrm");
        (await client.PatchAsJsonAsync($"api/v1/notes/{Guid.NewGuid()}", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stored = (await ListAsync(client, $"people/{mine.PersonIds[0]}")).Items.Single();
        stored.Text.ShouldBe("keep me");
        stored.CopyToCrm.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditAndDeleteNote_OfAnotherSeatHolderOrContract_Is404AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var note = await AddAsync(client, $"people/{mine.PersonIds[0]}", "mine only");

        foreach (var other in new[] { colleague, stranger })
        {
            (await other.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { text = "hijacked", copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await other.DeleteAsync($"api/v1/notes/{note.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var stored = (await ListAsync(client, $"people/{mine.PersonIds[0]}")).Items.Single();
        stored.Text.ShouldBe("mine only");
        stored.CopyToCrm.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DeleteNote_Own_Is204AndGone(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var note = await AddAsync(client, $"companies/{mine.CompanyIds[0]}", "temporary");
        var kept = await AddAsync(client, $"companies/{mine.CompanyIds[0]}", "kept");

        (await client.DeleteAsync($"api/v1/notes/{note.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListAsync(client, $"companies/{mine.CompanyIds[0]}")).Items.Select(n => n.Id).ShouldBe([kept.Id]);
        (await client.DeleteAsync($"api/v1/notes/{note.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Notes_AdminWithoutSeat_Is403AndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        var note = await AddAsync(seller, $"people/{mine.PersonIds[0]}", "seller's");

        (await admin.GetAsync($"api/v1/people/{mine.PersonIds[0]}/notes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"api/v1/people/{mine.PersonIds[0]}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"api/v1/companies/{mine.CompanyIds[0]}/notes", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PatchAsJsonAsync($"api/v1/notes/{note.Id}", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"api/v1/notes/{note.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ListAsync(seller, $"people/{mine.PersonIds[0]}")).Items.Single().Text.ShouldBe("seller's");
        (await ListAsync(seller, $"companies/{mine.CompanyIds[0]}")).TotalCount.ShouldBe(0);
    }

    private static async Task<NoteDetails> AddAsync(HttpClient client, string subject, string text)
    {
        var response = await client.PostAsJsonAsync($"api/v1/{subject}/notes", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NoteDetails>(ApiSignIn.Json))!;
    }

    private static async Task<Page<NoteDetails>> ListAsync(HttpClient client, string subject, string query = "") =>
        (await client.GetFromJsonAsync<Page<NoteDetails>>($"api/v1/{subject}/notes{query}", ApiSignIn.Json))!;

    internal static async Task ShouldBeValidationProblem(HttpResponseMessage response, string field, string messagePart)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldNotBeNull().ShouldContain(messagePart);
    }
}
