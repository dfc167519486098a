using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmImport;
using SalesBridge.Persistence;

namespace SalesBridge.Benchmarks.Scenarios.Cluster;

/// <summary>
/// Write-backs flowing while the cluster runs: each contract's seat holder, signed in to the web node's REST API as the
/// mobile apps are, adds a note with <i>Copy to CRM</i> on a person the import matched, one every
/// <see cref="Every"/> per contract, from the contract's first finished import to the end of the load. Every note the
/// API accepted is remembered per contract, to be counted in its org at the end.
/// </summary>
internal sealed class NoteLoad(Uri webNode, IServiceProvider services, IReadOnlyList<ProofContract> contracts)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public ConcurrentDictionary<Guid, ConcurrentBag<Guid>> NotesByContract { get; } = new();
    public int Refused;
    public string? FirstRefusal;

    public async Task RunAsync(CancellationToken stop)
    {
        await Task.WhenAll(contracts.Select(c => RunContractAsync(c, stop)));
    }

    private async Task RunContractAsync(ProofContract contract, CancellationToken stop)
    {
        var notes = NotesByContract.GetOrAdd(contract.ContractId, _ => []);
        List<Guid> people;
        try
        {
            people = await MatchedPeopleOnceImportedAsync(contract.ContractId, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var api = new HttpClient { BaseAddress = webNode, Timeout = TimeSpan.FromMinutes(2) };
        var signIn = await api.PostAsJsonAsync("api/v1/auth/token", new { email = contract.SellerEmail, password = ProofContract.Password }, CancellationToken.None);
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Contracts start their notes at different moments of the interval, as people do.
        var next = Random.Shared.NextDouble() * Every.TotalSeconds;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(next), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            next = Every.TotalSeconds;
            var person = people[i % people.Count];
            // Not cancelled with the load: a note the API accepted must be known, or the count in the org would be wrong.
            var response = await api.PostAsJsonAsync($"api/v1/people/{person}/notes",
                new { text = $"Proof note {i} for {contract.Org}: asked for the pricing sheet, follow up on Tuesday.", copyToCrm = true }, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                notes.Add((await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetGuid());
            }
            else
            {
                Interlocked.Increment(ref Refused);
                FirstRefusal ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
            }
        }
    }

    private async Task<List<Guid>> MatchedPeopleOnceImportedAsync(Guid contractId, CancellationToken stop)
    {
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
                var imported = await db.SyncRuns.AnyAsync(r => r.ContractId == contractId
                    && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.SucceededWithErrors), stop);
                if (imported)
                {
                    var people = await db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId != null && !c.RemovedFromCrm)
                        .OrderBy(c => c.CrmId).Select(c => c.PersonId!.Value).Take(50).ToListAsync(stop);
                    if (people.Count > 0) return people;
                    people = await db.People.Where(p => p.ContractId == contractId).OrderBy(p => p.Id).Select(p => p.Id).Take(50).ToListAsync(stop);
                    if (people.Count > 0) return people;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(2), stop);
        }
    }
}
