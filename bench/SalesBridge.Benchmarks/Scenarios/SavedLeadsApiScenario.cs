using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Contracts;
using SalesBridge.Leads;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.Users;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// The seat holder's saved-leads API (<c>GET /api/v1/leads</c>, random pages of 25) with 5,000 saved leads, on the
/// embedded default (SQLite), driven by Debian's wrk over loopback: first paced at about 200 requests/s (target:
/// p99 under 50 ms), then unpaced to show the headroom. wrk runs on the same 2 cores as the server.
/// </summary>
public sealed class SavedLeadsApiScenario : IBenchmarkScenario
{
    private const int SavedLeads = 5_000;
    private const string Password = "Bench!Pass2026";

    public string Name => "saved-leads-api";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("salesbridge-bench-");
        try
        {
            await using var app = SalesBridgeWebApp.Build(
            [
                "--urls=http://127.0.0.1:0", "--Demo:Enabled=false", "--Database:Provider=Sqlite",
                $"--Database:DataDirectory={folder.FullName}", "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync(cancellationToken);
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var email = await SeedAsync(app, cancellationToken);
            var token = await SignInAsync(baseUrl, email, cancellationToken);
            var script = WriteScript(folder, token);

            await RunWrkAsync(baseUrl, script, connections: 4, seconds: 5, delayMs: 0, cancellationToken); // warm-up
            var paced = await RunWrkAsync(baseUrl, script, connections: 16, seconds: 30, delayMs: 75, cancellationToken);
            var unpaced = await RunWrkAsync(baseUrl, script, connections: 16, seconds: 15, delayMs: 0, cancellationToken);
            await app.StopAsync(cancellationToken);
            return new Dictionary<string, object>
            {
                ["saved_leads"] = SavedLeads,
                ["database"] = "sqlite",
                ["paced"] = paced,
                ["unpaced"] = unpaced,
                ["target"] = "p99 < 50 ms at 200 requests/s",
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> SeedAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var contract = new Contract { CompanyName = "Bench Co", SeatCount = 1, CreatedAt = DateTimeOffset.UtcNow };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        var user = new WorkspaceUser
        {
            ContractId = contract.Id, DisplayName = "Bench Seller", UserName = "seller@bench.example.com", Email = "seller@bench.example.com",
            EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>().CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Creating the benchmark user failed: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        db.Seats.Add(new Seat { ContractId = contract.Id, UserId = user.Id, AssignedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);

        var load = scope.ServiceProvider.GetRequiredService<LoadDirectory>();
        var rows = Enumerable.Range(0, SavedLeads).Select(index => new PersonRow
        {
            ExternalId = $"bench-{index}", FirstName = $"First{index}", LastName = $"Last{index % 977}", Title = "Head of Purchasing",
            CompanyName = $"Company {index % 400}", City = "Berlin", Country = "Germany", Email = $"p{index}@bench.example.com",
        });
        foreach (var batch in rows.Chunk(LoadDirectory.MaxRowsPerBatch))
        {
            await load.LoadPeopleAsync(contract.Id, batch, cancellationToken);
        }

        var savedAt = DateTimeOffset.UtcNow;
        var people = db.People.Where(person => person.ContractId == contract.Id).Select(person => person.Id).ToList();
        db.SavedLeads.AddRange(people.Select((personId, index) => new SavedLead
        {
            ContractId = contract.Id, OwnerId = user.Id, PersonId = personId, SavedAt = savedAt.AddSeconds(-index), SavedByHand = true,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return user.Email;
    }

    private static async Task<string> SignInAsync(string baseUrl, string email, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// Random pages of the saved leads; <c>delay()</c> paces each connection (wrk has no fixed-rate mode), and
    /// <c>done()</c> prints the latency percentiles as JSON.
    /// </summary>
    private static string WriteScript(DirectoryInfo folder, string token)
    {
        var path = Path.Combine(folder.FullName, "saved-leads.lua");
        File.WriteAllText(path, $$"""
            wrk.method = "GET"
            wrk.headers["Authorization"] = "Bearer {{token}}"
            local pace = tonumber(os.getenv("PACE_MS") or "0")
            request = function()
              return wrk.format(nil, "/api/v1/leads?pageSize=25&page=" .. math.random(1, {{SavedLeads / 25}}))
            end
            if pace > 0 then delay = function() return pace end end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('{"requests":%d,"seconds":%.2f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"errors":%d,"non_2xx":%d}\n',
                summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
            end
            """);
        return path;
    }

    private static async Task<Dictionary<string, object>> RunWrkAsync(string baseUrl, string script, int connections, int seconds, int delayMs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "-s", script, baseUrl])
        {
            RedirectStandardOutput = true,
            Environment = { ["PACE_MS"] = delayMs.ToString(CultureInfo.InvariantCulture) },
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; install it with apt-get install wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        var json = output.Split('\n').LastOrDefault(line => line.StartsWith('{'))
            ?? throw new InvalidOperationException($"wrk printed no result:{Environment.NewLine}{output}");
        var result = JsonSerializer.Deserialize<Dictionary<string, object>>(json)!;
        var requests = ((JsonElement)result["requests"]).GetDouble();
        var elapsed = ((JsonElement)result["seconds"]).GetDouble();
        result["requests_per_second"] = Math.Round(requests / elapsed, 1);
        result["connections"] = connections;
        result["pace_ms_per_connection"] = delayMs;
        return result;
    }
}
