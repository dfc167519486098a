using System.Runtime.InteropServices;
using SalesBridge.Emulator.Hosting;

// The SalesBridge host. The workspace, CRM connection and sync are built in later steps; until then the
// host starts what they will run against on a developer machine: the Dataverse emulator with its demo org.
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080";
using var stop = new CancellationTokenSource();
// Ctrl+C in a terminal, SIGTERM from a service manager or container runtime: both stop the host cleanly.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), urls, cancellationToken: stop.Token);
Console.WriteLine("SalesBridge (development host)");
Console.WriteLine(DemoSignIns.Describe(emulator.BaseUri.ToString().TrimEnd('/'), emulator.Org, emulator.World));
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopping: fall through to dispose, which stops the emulator.
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
