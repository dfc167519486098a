// CRM Sync: keeps the progress bar of the run in progress current, then reloads the page once the run ended, so its
// outcome and history row show. Without script the page shows the state as loaded.
(() => {
  const section = document.getElementById("sync-progress");
  if (!section) return;
  const url = section.dataset.statusUrl;
  const runId = section.dataset.runId;
  const field = (name) => section.querySelector(`[data-field="${name}"]`);
  const bar = section.querySelector("progress");
  const counts = (c) =>
    `${c.seats} seats · ${c.recordsRead} read · ${c.added} added · ${c.updated} updated · ${c.removed} removed · ${c.crmRequests} CRM calls · ${c.errors} errors`;

  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const status = await response.json();
      const run = status.running;
      if (!run || run.id !== runId) {
        window.location.reload();
        return;
      }
      field("phase").textContent = run.phase;
      field("percent").textContent = run.percentDone;
      field("counts").textContent = counts(run.counts);
      bar.value = run.percentDone;
      bar.textContent = `${run.percentDone}%`;
    } catch {
      // A dropped poll (network, server restart) is retried at the next tick; the page stays as it was.
    }
    setTimeout(poll, 1500);
  }
  setTimeout(poll, 1000);
})();
