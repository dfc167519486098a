using System.CommandLine;

namespace SalesBridge.Web.Cli;

/// <summary>
/// The <c>salesbridge</c> command. With no verb it serves, so that <c>dotnet run --project src/SalesBridge.Web</c>
/// starts everything on the embedded defaults.
/// </summary>
public static class SalesBridgeCommand
{
    public static RootCommand Create()
    {
        var serve = ServeCommand.Create();
        var root = new RootCommand("SalesBridge: a prospecting workspace synchronised with Microsoft Dynamics 365.")
        {
            serve,
            MigrateCommand.Create(),
            ImportDirectoryCommand.Create(),
            EmulatorCommand.Create(),
            Matching.MatchCommand.Create(),
            ServePinnedCommand.Create(),
        };

        // Anything the verbs do not know (--urls, --Database:Provider=...) is host configuration.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, cancellationToken) => ServeCommand.RunAsync([.. parse.UnmatchedTokens], cancellationToken));
        return root;
    }
}
