using SalesBridge.Web.Cli;

return await SalesBridgeCommand.Create().Parse(args).InvokeAsync();

/// <summary>The entry point, named so that tests and tools can find the assembly.</summary>
public partial class Program;
