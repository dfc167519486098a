using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Cli;

/// <summary>
/// <c>salesbridge serve-pinned &lt;certificate.cer&gt; [host settings]</c> (hidden): serves like <c>serve</c> and also trusts
/// one self-signed server certificate — an emulator running in another process. Demo mode pins its in-process
/// emulator's certificate itself; a SalesBridge process pointed at an emulator it did not start (the write-back chaos
/// script, which kills and restarts this process) has no other way to trust it. Never for production: there
/// <see cref="ServerCertificatePins"/> stays empty.
/// </summary>
internal static class ServePinnedCommand
{
    public static Command Create()
    {
        var certificate = new Argument<FileInfo>("certificate") { Description = "The emulator's https certificate (DER .cer) to trust." };
        var command = new Command("serve-pinned", "Serve, trusting one self-signed emulator certificate (tests and benchmarks only).")
        {
            certificate,
        };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = SalesBridgeWebApp.Build([.. parse.UnmatchedTokens]);
            app.Services.GetRequiredService<ServerCertificatePins>().Add(X509CertificateLoader.LoadCertificateFromFile(parse.GetValue(certificate)!.FullName));
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
