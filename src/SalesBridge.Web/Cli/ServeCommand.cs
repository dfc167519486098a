using System.CommandLine;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Cli;

/// <summary><c>salesbridge serve</c>: the web UI, the REST API and (in demo mode) the emulator with its demo org.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the web UI and the REST API (the default when no verb is given). " +
            "Host settings follow as --key value, e.g. --urls http://127.0.0.1:5080 --Database:Provider PostgreSql.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var role = new Option<NodeRole?>("--role")
        {
            Description = "all (default): everything in this process; web: the UI and REST API; worker: import runs, write-back and " +
                "health checks. web and worker need PostgreSQL and --Scheduler:Clustered true.",
        };
        command.Options.Add(role);
        command.SetAction((parse, cancellationToken) =>
        {
            string[] hostArgs = [.. parse.UnmatchedTokens];
            if (parse.GetValue(role) is { } chosen) hostArgs = [.. hostArgs, $"--{NodeOptions.SectionName}:Role={chosen}"];
            return RunAsync(hostArgs, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await using var app = SalesBridgeWebApp.Build(hostArgs);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
