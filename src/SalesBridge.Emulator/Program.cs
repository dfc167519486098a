using System.CommandLine;
using SalesBridge.Emulator.Hosting;

var root = new RootCommand("Dataverse Web API emulator with a generated demo org.");
EmulatorCommandLine.Configure(root);
return await root.Parse(args).InvokeAsync();
