using System.CommandLine;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Web.Cli;

/// <summary><c>salesbridge emulator</c>: the Dataverse emulator alone, with the options of its own executable.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var command = new Command("emulator", "Run the Dataverse Web API emulator with a generated demo org.");
        EmulatorCommandLine.Configure(command);
        return command;
    }
}
