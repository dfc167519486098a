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
        command.SetAction((parse, cancellationToken) => RunAsync([.. parse.UnmatchedTokens], cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await using var app = SalesBridgeWebApp.Build(hostArgs);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
