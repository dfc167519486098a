using Microsoft.Playwright;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium through Playwright, started on first use. Playwright cannot download browsers here,
/// so it is pointed at <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool Available => File.Exists(ChromiumPath);

    /// <summary>A fresh browser context (its own cookies) on <paramref name="host"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(WorkspaceHost host)
    {
        await _start.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        finally
        {
            _start.Release();
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUri.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _start.Dispose();
    }
}

/// <summary>
/// A browser test: skipped on a developer machine without Chromium, but run (and failing if Chromium is missing)
/// when <c>CI=true</c>.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserFixture.Available && !TestDatabases.IsCi)
        {
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath} (apt-get install chromium).";
        }
    }
}
