using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// The emulator's command-line options and what it does with them; shared by the emulator's own executable and
/// <c>salesbridge emulator</c>.
/// </summary>
public static class EmulatorCommandLine
{
    public static void Configure(Command command)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated demo world.", DefaultValueFactory = _ => 2026 };
        var size = new Option<string>("--size") { Description = "Demo world size: tiny, demo or large.", DefaultValueFactory = _ => "demo" };
        var clientId = new Option<Guid?>("--client-id") { Description = "Client id of the demo integration (application) user." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Client secret of the demo integration user." };
        var password = new Option<string?>("--password") { Description = "Password of every interactive demo user." };
        var version = new Option<string>("--org-version") { Description = "Version RetrieveVersion reports.", DefaultValueFactory = _ => "9.2.24044.00150" };
        var orgType = new Option<int>("--org-type") { Description = "OrganizationType: 0 production, 5 or 6 sandbox.", DefaultValueFactory = _ => 0 };
        var orgs = new Option<string[]>("--org")
        {
            Description = "Another org served at /{name}/api/data/v9.2/, as name[:seed[:size]]; repeat for more.",
            AllowMultipleArgumentsPerToken = false,
        };
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5199" };
        foreach (var option in new Option[] { seed, size, clientId, clientSecret, password, version, orgType, orgs, urls })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new EmulatorOptions
            {
                Seed = parse.GetValue(seed), Size = parse.GetValue(size)!, IntegrationClientId = parse.GetValue(clientId),
                IntegrationClientSecret = parse.GetValue(clientSecret), DemoPassword = parse.GetValue(password),
                Version = parse.GetValue(version)!, OrganizationType = parse.GetValue(orgType),
            };
            foreach (var org in parse.GetValue(orgs) ?? []) options.AdditionalOrgs.Add(AdditionalOrgArgument.Parse(org));
            await using var server = await EmulatorServer.StartAsync(options, parse.GetValue(urls)!, cancellationToken: cancellationToken);
            var baseUrl = server.BaseUri.ToString().TrimEnd('/');
            Console.WriteLine(DemoSignIns.Describe(baseUrl, server.Org, server.World));
            var directory = server.Services.GetRequiredService<OrgDirectory>();
            foreach (var org in directory.All.Skip(1)) Console.WriteLine(DemoSignIns.DescribeAdditional(baseUrl, org, directory.CredentialsOf(org)));
            Console.WriteLine("Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        });
    }
}
