namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// Where the browser tests put the admin guide's screenshots. They are taken on every run, so the steps they show
/// are exercised; they replace the guide's pictures in docs/images/admin-guide/ only when
/// <c>SALESBRIDGE_UPDATE_GUIDE_IMAGES=1</c>, so an ordinary test run leaves the working tree clean
/// (times and ports differ from run to run).
/// </summary>
public static class GuideImages
{
    public const string UpdateVariable = "SALESBRIDGE_UPDATE_GUIDE_IMAGES";

    /// <summary>The path to save screenshot <paramref name="name"/> to (e.g. <c>04-connected.png</c>).</summary>
    /// <param name="guide">The guide's folder under docs/images: <c>admin-guide</c> or <c>seat-holder-guide</c>.</param>
    public static string PathOf(string name, string guide = "admin-guide")
    {
        var folder = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "images", guide)
            : Path.Combine(AppContext.BaseDirectory, "guide-images", guide == "admin-guide" ? "" : guide);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SalesBridge.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"{UpdateVariable}=1 but the repository root (SalesBridge.slnx) was not found above {AppContext.BaseDirectory}.");
    }
}
