using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Cli;

/// <summary><c>salesbridge migrate</c>: brings the configured database to the current schema, then exits.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations to the configured database and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = OperatorServices.Build([.. parse.UnmatchedTokens]);
            var applied = await host.Services.GetRequiredService<DatabaseMigration>().ApplyAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
