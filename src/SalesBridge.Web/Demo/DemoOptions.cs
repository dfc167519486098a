namespace SalesBridge.Web.Demo;

/// <summary>
/// Demo mode (on by default, for <c>dotnet run</c>): the Dataverse emulator runs in-process with a generated org,
/// and a demo contract whose users' emails match that org's CRM users is created once in the database.
/// Turn it off in production with <c>Demo__Enabled=false</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>
    /// Where the emulator listens; a fixed port so that a saved CRM connection still works after a restart. https,
    /// because it also stands in for Entra ID, whose sign-in MSAL only accepts over https; SalesBridge pins the
    /// certificate the emulator generates at each start.
    /// </summary>
    public string EmulatorUrl { get; set; } = "https://127.0.0.1:5081";

    public int Seed { get; set; } = 2026;

    /// <summary><c>tiny</c>, <c>demo</c> or <c>large</c>.</summary>
    public string Size { get; set; } = "demo";
}
