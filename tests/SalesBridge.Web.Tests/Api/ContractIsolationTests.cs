using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Alerts;
using SalesBridge.Conversations;
using SalesBridge.CrmImport;
using SalesBridge.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api;

/// <summary>
/// Every endpoint of the API, called by an admin-and-seat-holder of contract A with contract B's ids in the route
/// and the body: each answers 404 when it names B's data, nothing of B changes, and no answer carries B's data.
/// The endpoint list is read from the running app, so a new endpoint fails this test until it is added here.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class ContractIsolationTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryEndpoint_WithAnotherContractsIds_RefusesAndChangesNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        var ids = await CreateTheirDataAsync(host, theirs);
        var before = await SnapshotAsync(host, theirs.Id);
        using var client = await host.ApiClientAsync(mine.AdminSeatHolder);

        var called = new List<string>();
        foreach (var (method, template) in ApiEndpoints(host))
        {
            var key = $"{method} {template}";
            Cases.TryGetValue(key, out var body).ShouldBeTrue($"{key} is not covered by the isolation test; add a case for it.");
            var path = RouteParameter().Replace(template, match => ids[match.Groups[1].Value].ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body(ids));
            }

            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var namesTheirs = RouteParameter().IsMatch(template) || (body is not null && JsonSerializer.Serialize(body(ids)).Contains(ids["personId"].ToString(), StringComparison.Ordinal))
                || (body is not null && ids.Values.Any(id => JsonSerializer.Serialize(body(ids)).Contains(id.ToString(), StringComparison.Ordinal)));
            if (namesTheirs)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{key} with contract B's ids answered {(int)response.StatusCode}: {text}");
            }
            else
            {
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{key}: {text}");
            }

            // A refusal may repeat the id the caller sent; an answer must not carry any of B's rows.
            foreach (var (name, id) in response.IsSuccessStatusCode ? ids : [])
            {
                text.ShouldNotContain(id.ToString(), Case.Insensitive, $"{key} answered with contract B's {name}");
            }

            text.ShouldNotContain(theirs.SeatHolder.Email, Case.Insensitive, $"{key} answered with a user of contract B");
            called.Add(key);
        }

        called.Count.ShouldBeGreaterThan(35);
        (await SnapshotAsync(host, theirs.Id)).ShouldBe(before);
    }

    /// <summary>Request bodies per endpoint, valid in form so that only the ownership check can refuse them (null: no body).</summary>
    private static readonly Dictionary<string, Func<IReadOnlyDictionary<string, Guid>, object>?> Cases = new()
    {
        ["GET /api/v1/me"] = null,
        ["GET /api/v1/people"] = null,
        ["GET /api/v1/people/{personId:guid}"] = null,
        ["GET /api/v1/companies"] = null,
        ["GET /api/v1/companies/{companyId:guid}"] = null,
        ["POST /api/v1/directory/companies"] = _ => new { rows = new[] { new { externalId = "c0", name = "Overwritten by A" } } },
        ["POST /api/v1/directory/people"] = _ => new { rows = new[] { new { externalId = "p0", firstName = "Overwritten", lastName = "By A" } } },
        ["GET /api/v1/leads"] = null,
        ["POST /api/v1/leads"] = ids => new { personId = ids["personId"] },
        ["GET /api/v1/leads/{savedLeadId:guid}"] = null,
        ["DELETE /api/v1/leads/{savedLeadId:guid}"] = null,
        ["GET /api/v1/accounts"] = null,
        ["POST /api/v1/accounts"] = ids => new { companyId = ids["companyId"] },
        ["GET /api/v1/accounts/{savedAccountId:guid}"] = null,
        ["DELETE /api/v1/accounts/{savedAccountId:guid}"] = null,
        ["GET /api/v1/lists"] = null,
        ["POST /api/v1/lists"] = _ => new { name = "Made by A", kind = "Leads" },
        ["PATCH /api/v1/lists/{listId:guid}"] = _ => new { name = "Renamed by A" },
        ["DELETE /api/v1/lists/{listId:guid}"] = null,
        ["POST /api/v1/lists/{listId:guid}/entries"] = ids => new { savedLeadId = ids["savedLeadId"] },
        ["DELETE /api/v1/lists/{listId:guid}/entries/{savedItemId:guid}"] = null,
        ["GET /api/v1/people/{personId:guid}/notes"] = null,
        ["POST /api/v1/people/{personId:guid}/notes"] = _ => new { text = "Written by A" },
        ["GET /api/v1/companies/{companyId:guid}/notes"] = null,
        ["POST /api/v1/companies/{companyId:guid}/notes"] = _ => new { text = "Written by A" },
        ["PATCH /api/v1/notes/{noteId:guid}"] = _ => new { text = "Changed by A", copyToCrm = false },
        ["DELETE /api/v1/notes/{noteId:guid}"] = null,
        ["GET /api/v1/conversations"] = null,
        ["GET /api/v1/conversations/{conversationId:guid}"] = null,
        ["POST /api/v1/conversations"] = ids => new { personId = ids["personId"], kind = "InMail", subject = "From A", body = "Hello" },
        ["POST /api/v1/conversations/{conversationId:guid}/messages"] = _ => new { body = "Reply by A" },
        ["PATCH /api/v1/conversations/{conversationId:guid}"] = _ => new { copyToCrm = false },
        ["PATCH /api/v1/messages/{messageId:guid}"] = _ => new { copyToCrm = false },
        ["GET /api/v1/admin/contract"] = null,
        ["PATCH /api/v1/admin/contract"] = _ => new { companyName = "Contract A renamed" },
        ["GET /api/v1/admin/seats"] = null,
        ["GET /api/v1/admin/users"] = null,
        ["POST /api/v1/admin/users"] = _ => new { email = $"new.{Guid.NewGuid():N}@test.example.com", displayName = "New", password = "Sweep!Pass2026", isContractAdmin = false, assignSeat = false },
        ["GET /api/v1/admin/users/{userId:guid}"] = null,
        ["DELETE /api/v1/admin/users/{userId:guid}"] = null,
        ["PUT /api/v1/admin/users/{userId:guid}/seat"] = null,
        ["DELETE /api/v1/admin/users/{userId:guid}/seat"] = null,
        ["PUT /api/v1/admin/users/{userId:guid}/admin"] = _ => new { isContractAdmin = true },
        ["PUT /api/v1/admin/users/{userId:guid}/password"] = _ => new { password = "Sweep2026pass" },
        ["GET /api/v1/admin/crm/connection"] = null,
        // An on-premises URL: refused by the first check, so nothing is sent anywhere.
        ["POST /api/v1/admin/crm/connection/application-user"] = _ => new
        {
            organizationUrl = "https://crm.contoso.local", tenantId = Guid.NewGuid(), clientId = Guid.NewGuid(), clientSecret = "sweep-secret",
        },
        ["POST /api/v1/admin/crm/connection/sign-in"] = _ => new { organizationUrl = "https://crm.contoso.local" },
        ["GET /api/v1/admin/crm/settings"] = null,
        ["PUT /api/v1/admin/crm/settings"] = _ => new { revision = Guid.NewGuid(), autoSyncAllSeats = false, writeBackEnabled = false },
        ["GET /api/v1/admin/crm/settings/changes"] = null,
        ["POST /api/v1/admin/crm/settings/solution"] = null,
        ["GET /api/v1/admin/alerts"] = null,
        ["POST /api/v1/admin/alerts/{alertId:guid}/resolve"] = null,
        ["POST /api/v1/admin/crm/connection/check"] = null,
        ["POST /api/v1/admin/crm/disconnect"] = _ => new { cleanUp = true },
        ["GET /api/v1/admin/crm/disconnects"] = null,
        ["GET /api/v1/admin/crm/users"] = null,
        ["POST /api/v1/admin/crm/users/refresh"] = null,
        ["POST /api/v1/admin/crm/assign-seats"] = ids => new { systemUserIds = new[] { ids["systemUserId"] } },
        ["PUT /api/v1/admin/seats/{seatId:guid}/crm-sync"] = _ => new { enabled = true },
        ["POST /api/v1/admin/crm/sync/sync-now"] = null,
        ["GET /api/v1/admin/crm/sync/status"] = null,
        ["GET /api/v1/admin/crm/sync/runs"] = null,
        ["GET /api/v1/admin/crm/sync/runs/{runId:guid}"] = null,
        ["GET /api/v1/admin/crm/sync/runs/{runId:guid}/errors"] = null,
        ["GET /api/v1/admin/crm/sync/preview"] = null,
        ["GET /api/v1/leads/{savedLeadId:guid}/match"] = null,
        ["PUT /api/v1/leads/{savedLeadId:guid}/match"] = ids => new { counterpartId = ids["personId"] },
        ["POST /api/v1/leads/{savedLeadId:guid}/crm-record"] = null,
        ["GET /api/v1/crm/contacts"] = null,
        ["PUT /api/v1/people/{personId:guid}/crm-match"] = ids => new { crmContactRecordId = ids["contactRecordId"] },
        ["POST /api/v1/people/{personId:guid}/crm-record"] = null,
        ["GET /api/v1/accounts/{savedAccountId:guid}/match"] = null,
        ["PUT /api/v1/accounts/{savedAccountId:guid}/match"] = ids => new { counterpartId = ids["companyId"] },
        ["POST /api/v1/accounts/{savedAccountId:guid}/crm-record"] = null,
        ["GET /api/v1/admin/crm/matches"] = null,
        ["GET /api/v1/admin/crm/matches.csv"] = null,
        ["GET /api/v1/admin/crm/matches/contacts/{contactRecordId:guid}"] = null,
        ["GET /api/v1/admin/crm/matches/accounts/{accountRecordId:guid}"] = null,
        ["PUT /api/v1/admin/crm/matches/contacts/{contactRecordId:guid}"] = _ => new { noMatch = true },
        ["PUT /api/v1/admin/crm/matches/accounts/{accountRecordId:guid}"] = _ => new { noMatch = true },
        ["GET /api/v1/write-back/items/{itemId:guid}"] = null,
        ["POST /api/v1/write-back/items/{itemId:guid}/retry"] = null,
        ["GET /api/v1/write-back/unresolved"] = null,
        ["GET /api/v1/admin/write-back/unresolved"] = null,
        ["GET /api/v1/admin/write-back/unresolved.csv"] = null,
        ["GET /api/v1/admin/write-back/runs"] = null,
        ["GET /api/v1/admin/write-back/status"] = null,
    };

    private static IEnumerable<(string Method, string Template)> ApiEndpoints(WorkspaceHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Where(endpoint => !endpoint.RoutePattern.RawText!.Contains("/auth/", StringComparison.Ordinal)
                && !endpoint.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (method, "/" + endpoint.RoutePattern.RawText!.Trim('/'))))
            .OrderBy(endpoint => endpoint.Item2).ThenBy(endpoint => endpoint.method);

    /// <summary>Contract B's rows of every kind, made through B's own API.</summary>
    private static async Task<Dictionary<string, Guid>> CreateTheirDataAsync(WorkspaceHost host, TestContract theirs)
    {
        using var api = await host.ApiClientAsync(theirs.AdminSeatHolder);
        async Task<JsonElement> Post(string path, object body)
        {
            var response = await api.PostAsJsonAsync(path, body);
            response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var lead = await Post("api/v1/leads", new { personId = theirs.PersonIds[0] });
        var account = await Post("api/v1/accounts", new { companyId = theirs.CompanyIds[0] });
        var list = await Post("api/v1/lists", new { name = "B's list", kind = "Leads" });
        await Post($"api/v1/lists/{list.GetProperty("id").GetGuid()}/entries", new { savedLeadId = lead.GetProperty("id").GetGuid() });
        var note = await Post($"api/v1/people/{theirs.PersonIds[0]}/notes", new { text = "B's note" });
        var thread = await Post("api/v1/conversations", new { personId = theirs.PersonIds[0], kind = "InMail", subject = "B's thread", body = "Hello" });
        var alert = await host.QueryAsync(async db =>
        {
            var raised = new AdminAlert { ContractId = theirs.Id, Kind = AdminAlertKind.ConnectionFailing, RaisedAt = DateTimeOffset.UtcNow, Title = "B's alert", Detail = "B's CRM" };
            db.AdminAlerts.Add(raised);
            await db.SaveChangesAsync();
            return raised.Id;
        });
        var seat = await host.QueryAsync(db => db.Seats.Where(s => s.UserId == theirs.SeatHolder.Id).Select(s => s.Id).SingleAsync());
        // B's snapshot of its CRM's users, as a refresh would have left it.
        var crmUser = await host.QueryAsync(async db =>
        {
            var snapshot = new CrmUserSnapshot
            {
                ContractId = theirs.Id, SystemUserId = Guid.NewGuid(), FullName = "B's CRM user", Email = theirs.SeatHolder.Email,
                IsEnabled = true, RefreshedAt = DateTimeOffset.UtcNow,
            };
            db.CrmUserSnapshots.Add(snapshot);
            await db.SaveChangesAsync();
            return snapshot.SystemUserId;
        });
        // B's import run with a per-record error, as the engine would have left them.
        var run = await host.QueryAsync(async db =>
        {
            var finished = new SyncRun
            {
                ContractId = theirs.Id, Trigger = SyncTrigger.Schedule, Status = SyncRunStatus.SucceededWithErrors, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                EndedAt = DateTimeOffset.UtcNow, HeartbeatAt = DateTimeOffset.UtcNow, Phase = "Done", FailureMessage = "B's run failure",
            };
            db.SyncRuns.Add(finished);
            db.SyncRunErrors.Add(new SyncRunError { RunId = finished.Id, Table = "contact", CrmId = Guid.NewGuid(), Message = "B's record error", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return finished.Id;
        });
        // B's CRM contact and account as the import leaves them, matched to B's person and company.
        var (contactRecord, accountRecord) = await host.QueryAsync(async db =>
        {
            var contact = new CrmContactRecord { ContractId = theirs.Id, CrmId = Guid.NewGuid(), FirstName = "B's", LastName = "Contact", PersonId = theirs.PersonIds[0],
                Match = new CrmMatch { State = CrmMatchState.Matched, Score = 0.99, Summary = "B's match" } };
            var crmAccount = new CrmAccountRecord { ContractId = theirs.Id, CrmId = Guid.NewGuid(), Name = "B's account", CompanyId = theirs.CompanyIds[0],
                Match = new CrmMatch { State = CrmMatchState.Matched, Score = 0.99, Summary = "B's match" } };
            db.AddRange(contact, crmAccount);
            await db.SaveChangesAsync();
            return (contact.Id, crmAccount.Id);
        });
        // B's note as the write-back worker leaves it when it failed: unresolved report, item status and Retry must not reach it.
        var writeBackItem = await host.QueryAsync(async db =>
        {
            db.WriteBackItems.Add(new SalesBridge.WriteBack.WriteBackItem
            {
                ContractId = theirs.Id, Kind = SalesBridge.CrmSettings.WriteBackItemKind.Note, ItemId = note.GetProperty("id").GetGuid(), SeatHolderId = theirs.AdminSeatHolder.Id,
                PersonId = theirs.PersonIds[0], Status = SalesBridge.WriteBack.WriteBackStatus.Failed, Reason = "B's failure", Pending = false,
                QueuedAt = DateTimeOffset.UtcNow, ActivityId = Guid.NewGuid(),
            });
            db.WriteBackItems.Add(new SalesBridge.WriteBack.WriteBackItem
            {
                ContractId = theirs.Id, Kind = SalesBridge.CrmSettings.WriteBackItemKind.InMail, ItemId = thread.GetProperty("messages")[0].GetProperty("id").GetGuid(),
                // A person with no CRM contact: one with a contact would be re-linked by the worker in the middle of the test.
                SeatHolderId = theirs.AdminSeatHolder.Id, PersonId = theirs.PersonIds[1], Status = SalesBridge.WriteBack.WriteBackStatus.Unresolved, Pending = false,
                QueuedAt = DateTimeOffset.UtcNow, WrittenAt = DateTimeOffset.UtcNow, ActivityId = Guid.NewGuid(),
            });
            db.WriteBackRuns.Add(new SalesBridge.WriteBack.WriteBackRun { ContractId = theirs.Id, StartedAt = DateTimeOffset.UtcNow, Completed = 7, FailureMessage = "B's pass" });
            await db.SaveChangesAsync();
            return note.GetProperty("id").GetGuid();
        });
        return new Dictionary<string, Guid>
        {
            ["itemId"] = writeBackItem,
            ["contactRecordId"] = contactRecord,
            ["accountRecordId"] = accountRecord,
            ["runId"] = run,
            ["seatId"] = seat,
            ["systemUserId"] = crmUser,
            ["personId"] = theirs.PersonIds[0],
            ["companyId"] = theirs.CompanyIds[0],
            ["savedLeadId"] = lead.GetProperty("id").GetGuid(),
            ["savedItemId"] = lead.GetProperty("id").GetGuid(),
            ["savedAccountId"] = account.GetProperty("id").GetGuid(),
            ["listId"] = list.GetProperty("id").GetGuid(),
            ["noteId"] = note.GetProperty("id").GetGuid(),
            ["conversationId"] = thread.GetProperty("id").GetGuid(),
            ["messageId"] = thread.GetProperty("messages")[0].GetProperty("id").GetGuid(),
            ["userId"] = theirs.SeatHolder.Id,
            ["alertId"] = alert,
        };
    }

    /// <summary>Everything of one contract that an endpoint could change, as text.</summary>
    private static Task<string> SnapshotAsync(WorkspaceHost host, Guid contractId) => host.QueryAsync(async db =>
    {
        var text = new StringBuilder();
        void Add<T>(IEnumerable<T> rows) => text.AppendLine(JsonSerializer.Serialize(rows));
        Add(await db.Contracts.Where(c => c.Id == contractId).Select(c => new { c.CompanyName, c.SeatCount }).ToListAsync());
        Add(await db.Users.Where(u => u.ContractId == contractId).OrderBy(u => u.Email).Select(u => new { u.Email, u.DisplayName, u.IsContractAdmin }).ToListAsync());
        Add(await db.Seats.Where(s => s.ContractId == contractId).OrderBy(s => s.UserId).Select(s => new { s.UserId, s.CrmSyncEnabled }).ToListAsync());
        Add(await db.CrmUserSnapshots.Where(u => u.ContractId == contractId).OrderBy(u => u.SystemUserId).Select(u => new { u.SystemUserId, u.FullName, u.RefreshedAt }).ToListAsync());
        Add(await db.Companies.Where(c => c.ContractId == contractId).OrderBy(c => c.ExternalId).Select(c => new { c.ExternalId, c.Name }).ToListAsync());
        Add(await db.People.Where(p => p.ContractId == contractId).OrderBy(p => p.ExternalId).Select(p => new { p.ExternalId, p.FirstName, p.LastName }).ToListAsync());
        Add(await db.SavedLeads.Where(l => l.ContractId == contractId).OrderBy(l => l.Id).Select(l => new { l.Id, l.PersonId }).ToListAsync());
        Add(await db.SavedAccounts.Where(a => a.ContractId == contractId).OrderBy(a => a.Id).Select(a => new { a.Id, a.CompanyId }).ToListAsync());
        Add(await db.SavedLists.Where(l => l.ContractId == contractId).OrderBy(l => l.Id).Select(l => new { l.Id, l.Name, Entries = l.Entries.Count }).ToListAsync());
        Add(await db.Notes.Where(n => n.ContractId == contractId).OrderBy(n => n.Id).Select(n => new { n.Id, n.Text, n.CopyToCrm }).ToListAsync());
        Add(await db.Conversations.Where(c => c.ContractId == contractId).OrderBy(c => c.Id).Select(c => new { c.Id, c.Subject }).ToListAsync());
        Add(await db.OrgConnections.Where(c => c.ContractId == contractId).Select(c => new { c.Id, c.OrganizationUrl, c.Status, c.Revision }).ToListAsync());
        Add(await db.ConversationMessages.Where(m => m.ContractId == contractId).OrderBy(m => m.Id).Select(m => new { m.Id, m.Body, m.CopyToCrm }).ToListAsync());
        Add(await db.AdminAlerts.Where(a => a.ContractId == contractId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Detail, Resolved = a.ResolvedAt != null }).ToListAsync());
        Add(await db.SyncRuns.Where(r => r.ContractId == contractId).OrderBy(r => r.Id).Select(r => new { r.Id, r.Status, r.EndedAt }).ToListAsync());
        Add(await db.SyncRunErrors.Where(e => db.SyncRuns.Any(r => r.Id == e.RunId && r.ContractId == contractId)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Add(await db.DisconnectRecords.Where(r => r.ContractId == contractId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Add(await db.CrmContacts.Where(c => c.ContractId == contractId).OrderBy(c => c.Id).Select(c => new { c.Id, c.PersonId, c.Match.State, c.Match.Summary }).ToListAsync());
        Add(await db.WriteBackItems.Where(i => i.ContractId == contractId).OrderBy(i => i.Id).Select(i => new { i.Id, i.Status, i.Pending, i.Attempts, i.Reason }).ToListAsync());
        Add(await db.CrmAccounts.Where(a => a.ContractId == contractId).OrderBy(a => a.Id).Select(a => new { a.Id, a.CompanyId, a.Match.State, a.Match.Summary }).ToListAsync());
        return text.ToString();
    });

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex RouteParameter();
}
