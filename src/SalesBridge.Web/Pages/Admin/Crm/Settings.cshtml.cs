using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmSettings;
using SalesBridge.Errors;
using SalesBridge.Paging;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// CRM Settings (SPEC S6–S8, S12, S13, S16): the seed's questions with the org's own choices, the SalesBridge
/// solution's state with its install button, and the recent changes. Without a connected org it says to connect first.
/// </summary>
public sealed class SettingsModel(GetCrmSettings get, UpdateCrmSettings update, InstallSalesBridgeSolution install, ListCrmSettingsChanges listChanges)
    : AdminPageModel
{
    public const string NotSureValue = "";

    public sealed class SettingsInput
    {
        public Guid? Revision { get; set; }
        public bool AutoSyncAllSeats { get; set; }

        /// <summary>"column:value" of the chosen stage option, or empty for Not Sure.</summary>
        public string? PipelineStage { get; set; }
        public string? WonValueColumn { get; set; }
        public bool WriteBackEnabled { get; set; }
        public bool WriteBackAllItems { get; set; } = true;
        public bool WriteBackInMails { get; set; }
        public bool WriteBackMessages { get; set; }
        public bool WriteBackNotes { get; set; }
        public WriteBackCreator Creator { get; set; }

        /// <summary>Nullable so an emptied field reaches the use case, which names it, instead of binding to 0.</summary>
        public int? SyncIntervalMinutes { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public CrmSettingsView? Settings { get; private set; }

    /// <summary>Set when the contract has no connected org: the page then only says to connect first.</summary>
    public string? NotConnected { get; private set; }

    /// <summary>The org failed to answer (S4 message and cause): the questions cannot be offered now.</summary>
    public string? OrgError { get; private set; }

    public Page<CrmSettingsChangeSummary>? Changes { get; private set; }

    public static string StageKey(string column, int value) => $"{column}:{value}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Settings is { } s)
        {
            Input = new SettingsInput
            {
                Revision = s.Revision, AutoSyncAllSeats = s.AutoSyncAllSeats,
                PipelineStage = s.PipelineStageColumn is { } column && s.PipelineStageValue is { } value ? StageKey(column, value) : NotSureValue,
                WonValueColumn = s.WonValueColumn ?? NotSureValue, WriteBackEnabled = s.WriteBackEnabled, WriteBackAllItems = s.WriteBackAllItems,
                WriteBackInMails = s.WriteBackInMails, WriteBackMessages = s.WriteBackMessages, WriteBackNotes = s.WriteBackNotes, Creator = s.Creator,
                SyncIntervalMinutes = s.SyncIntervalMinutes,
            };
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var (column, value) = ParseStage(Input.PipelineStage);
                await update.HandleAsync(Caller, new UpdateCrmSettings.Request
                {
                    Revision = Input.Revision, AutoSyncAllSeats = Input.AutoSyncAllSeats, PipelineStageColumn = column, PipelineStageValue = value,
                    WonValueColumn = string.IsNullOrEmpty(Input.WonValueColumn) ? null : Input.WonValueColumn,
                    WriteBackEnabled = Input.WriteBackEnabled, WriteBackAllItems = Input.WriteBackAllItems, WriteBackInMails = Input.WriteBackInMails,
                    WriteBackMessages = Input.WriteBackMessages, WriteBackNotes = Input.WriteBackNotes, Creator = Input.Creator,
                    SyncIntervalMinutes = Input.SyncIntervalMinutes,
                }, cancellationToken);
                TempData["Notice"] = "CRM settings saved.";
                return RedirectToPage();
            },
            fieldPrefix: nameof(Input),
            reloadPage: () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostInstallAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var state = await install.HandleAsync(Caller, cancellationToken);
                TempData["Notice"] = state.Installed
                    ? "The SalesBridge solution is installed in your CRM. You can now enable write-back."
                    : $"The SalesBridge solution is partly installed; still missing: {string.Join(", ", state.Missing)}. Try again in a minute.";
                return RedirectToPage();
            },
            reloadPage: () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Settings = await get.HandleAsync(Caller, cancellationToken);
        }
        catch (ConflictException notConnected)
        {
            NotConnected = notConnected.Message;
        }
        catch (CrmRequestFailedException failed)
        {
            OrgError = failed.Message;
        }
        Changes = await listChanges.HandleAsync(Caller, new ListCrmSettingsChanges.Request { PageSize = 10 }, cancellationToken);
    }

    private static (string? Column, int? Value) ParseStage(string? stage)
    {
        if (string.IsNullOrEmpty(stage)) return (null, null);
        var colon = stage.LastIndexOf(':');
        // A value the form did not offer goes to the use case as a column without a value, which names the field.
        return colon > 0 && int.TryParse(stage[(colon + 1)..], out var value) ? (stage[..colon], value) : (stage, null);
    }
}
