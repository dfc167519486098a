using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesBridge.CrmConnection;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Http;
using SalesBridge.Observability;
using SalesBridge.Persistence;

namespace SalesBridge.WriteBack;

/// <summary>
/// Drains one contract's write-back outbox (SPEC S15–S17, B1, B6, B7): items that can go are sent as keyed upserts in
/// <c>$batch</c> requests of up to 1,000, through the contract's client and its API governor; each outcome is stored in the
/// transaction that clears the item's outbox mark. A pass that dies half-way leaves the rest marked, and the next pass
/// sends them again — onto the same activities, by their key.
/// </summary>
public sealed class WriteBackWriter(SalesBridgeDbContext db, OrgClients clients, WriteBackOutbox outbox, TimeProvider time, NodeName node, ILogger<WriteBackWriter> log)
{
    /// <summary>Set when the org answered 429 in this pass: no further batch starts in it; the throttled items wait for the org.</summary>
    private bool _throttled;

    /// <summary>One pass over the contract's pending items; returns the recorded run, or null when there was nothing to do.</summary>
    public async Task<WriteBackRun?> DrainAsync(Guid contractId, CancellationToken cancellationToken)
    {
        await MarkRelinksAsync(contractId, cancellationToken);
        var now = time.GetUtcNow();
        // The pass takes what is due now; items queued meanwhile come with the wake-up their commit sent.
        var due = await db.WriteBackItems.AsNoTracking()
            .Where(i => i.ContractId == contractId && i.Pending && (i.DueAt == null || i.DueAt <= now))
            .OrderBy(i => i.QueuedAt).Select(i => i.Id).ToListAsync(cancellationToken);
        if (due.Count == 0) return null;

        var run = new WriteBackRun { ContractId = contractId, StartedAt = now, Node = node.Value };
        DataverseClient? client = null;
        DataverseCallCounts? callsAtStart = null;
        foreach (var chunk in due.Chunk(WriteBackPolicy.BatchSize))
        {
            var items = await db.WriteBackItems.Where(i => chunk.Contains(i.Id) && i.Pending).ToListAsync(cancellationToken);
            var targets = await WriteBackTargets.LoadAsync(db, contractId, items, cancellationToken);
            var sendable = Hold(items, targets, run);
            if (sendable.Count > 0)
            {
                if (client is null)
                {
                    var connection = await clients.FindConnectionAsync(contractId, cancellationToken);
                    client = clients.For(connection!);
                    callsAtStart = client.Calls.Snapshot();
                }
                var stopped = await SendAsync(client, contractId, sendable, targets, run, cancellationToken);
                run.CrmRequests = (int)client.Calls.Snapshot().Since(callsAtStart!).Requests;
                await SaveAsync(cancellationToken);
                if (stopped) break;
            }
            else
            {
                await SaveAsync(cancellationToken);
            }
        }
        run.EndedAt = time.GetUtcNow();
        if (run.Completed + run.Unresolved + run.Relinked + run.Retried + run.Failed > 0 || run.FailureMessage is not null)
        {
            db.WriteBackRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        SalesBridgeMetrics.WriteBackPassEnded(contractId, run.Completed, run.Unresolved, run.Relinked, run.Retried, run.Failed, run.CrmRequests);
        log.LogInformation(new EventId(7401, "WriteBackPass"),
            "Write-back pass for contract {ContractId}: {Completed} completed, {Unresolved} open, {Relinked} re-linked, {Retried} to retry, {Failed} failed, {Held} held, {Requests} CRM requests",
            contractId, run.Completed, run.Unresolved, run.Relinked, run.Retried, run.Failed, run.Held, run.CrmRequests);
        return run;
    }

    /// <summary>S17: open activities whose person or company has a CRM record now are marked for a re-link.</summary>
    private async Task MarkRelinksAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var contacts = db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId != null && !c.RemovedFromCrm).Select(c => c.PersonId);
        var accounts = db.CrmAccounts.Where(a => a.ContractId == contractId && a.CompanyId != null && !a.RemovedFromCrm).Select(a => a.CompanyId);
        await db.WriteBackItems
            .Where(i => i.ContractId == contractId && i.Status == WriteBackStatus.Unresolved && !i.Pending
                && (i.PersonId != null ? contacts.Contains(i.PersonId) : accounts.Contains(i.CompanyId)))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Pending, true).SetProperty(i => i.DueAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Items the settings hold back get their reason and wait (or are skipped); the rest may be sent.</summary>
    private List<WriteBackItem> Hold(List<WriteBackItem> items, WriteBackTargets targets, WriteBackRun run)
    {
        var now = time.GetUtcNow();
        var contractHold = targets.ContractHold();
        var sendable = new List<WriteBackItem>();
        foreach (var item in items)
        {
            var table = SalesBridgeSolution.TableFor(item.Kind);
            string? reason = contractHold;
            if (reason is null && !targets.Settings.WritesBack(item.Kind))
            {
                Settle(item, WriteBackStatus.Skipped, WriteBackReasons.TypeOff(table.DisplayCollectionName));
                run.Held++;
                continue;
            }
            if (reason is null && targets.SeatOf(item.SeatHolderId) is { SystemUserId: null, Reason: { } seatReason })
            {
                reason = WriteBackReasons.SeatWaiting(seatReason);
            }
            if (reason is not null)
            {
                // Held items keep their mark and are looked at again a minute later (or at once when a setting changes
                // and wakes the worker), without a CRM request.
                if (!item.IsInCrm) item.Status = WriteBackStatus.Waiting;
                item.Reason = reason;
                item.DueAt = now + TimeSpan.FromMinutes(1);
                run.Held++;
                continue;
            }
            sendable.Add(item);
        }
        return sendable;
    }

    /// <summary>Sends the items and applies each answer; true when the pass should stop (the org unreachable, or throttling this user).</summary>
    private async Task<bool> SendAsync(DataverseClient client, Guid contractId, List<WriteBackItem> items, WriteBackTargets targets, WriteBackRun run,
        CancellationToken cancellationToken)
    {
        var contents = await ActivityContents.LoadAsync(db, contractId, items, cancellationToken);
        var remaining = items;
        // Further rounds only for items that need another request at once: one whose regarding record turned out deleted in
        // the CRM goes again as an open activity; one an earlier attempt already created gets its re-link.
        for (var round = 0; round < 3 && remaining.Count > 0; round++)
        {
            var batch = new DataverseBatch();
            var sent = new List<(WriteBackItem Item, (string Table, Guid CrmId)? Regarding, bool Relink)>();
            foreach (var item in remaining)
            {
                if (!contents.TryGetValue(item.ItemId, out var content) && !item.IsInCrm)
                {
                    // Deleted between queueing and now (its delete removes unwritten rows; this is the race in between).
                    db.WriteBackItems.Remove(item);
                    continue;
                }
                var table = SalesBridgeSolution.TableFor(item.Kind);
                var owner = targets.SeatOf(item.SeatHolderId).SystemUserId!.Value;
                var impersonate = targets.Settings.Creator == WriteBackCreator.SeatHolder ? owner : (Guid?)null;
                var regarding = targets.RegardingOf(item);
                if (item.Status == WriteBackStatus.Unresolved)
                {
                    if (regarding is null)
                    {
                        item.Pending = false; // nothing to re-link to (the record went again)
                        continue;
                    }
                    batch.Add(ActivityRequest.Relink(table, item, regarding.Value, impersonate));
                    sent.Add((item, regarding, true));
                }
                else
                {
                    batch.Add(ActivityRequest.Create(table, item, content!, owner, regarding, itemUrl: null, impersonate));
                    sent.Add((item, regarding, false));
                }
            }
            if (sent.Count == 0) return false;

            IReadOnlyList<BatchResult> results;
            try
            {
                results = await client.ExecuteBatchAsync(batch, continueOnError: true, cancellationToken: cancellationToken);
            }
            catch (DataverseThrottledException throttled)
            {
                // Throttled past the client's own retries: wait as long as the org asked, without counting it as a failure.
                foreach (var (item, _, _) in sent) WaitForOrg(item, throttled.RetryAfter, run);
                return true;
            }
            catch (DataverseException failure)
            {
                // The whole request failed (the org unreachable, the token refused, a 5xx past the client's retries):
                // every item waits for the next attempt; the pass stops, as the rest would fail the same way.
                var message = CrmRequestFailedException.From(failure).Message;
                foreach (var (item, _, _) in sent) RetryLater(item, message, run);
                run.FailureMessage = message;
                return true;
            }

            var again = new List<WriteBackItem>();
            for (var i = 0; i < sent.Count; i++)
            {
                var (item, regarding, relink) = sent[i];
                var result = i < results.Count ? results[i] : null;
                if (Apply(item, regarding, relink, result, targets, run)) again.Add(item);
            }
            remaining = again;
        }
        // Throttled items wait out the org's Retry-After; the follow-ups of the others above were still sent, but no
        // further batch starts in this pass: the org is refusing this user, and more requests would lengthen the block.
        return _throttled;
    }

    /// <summary>Records one answer; true when the item should go again at once (its regarding record is gone).</summary>
    private bool Apply(WriteBackItem item, (string Table, Guid CrmId)? regarding, bool relink, BatchResult? result, WriteBackTargets targets, WriteBackRun run)
    {
        var status = result?.StatusCode;
        // Created, updated — or, for the create-only first write, already there from an earlier attempt whose answer was lost.
        var done = result is { Succeeded: true } || (!relink && status == HttpStatusCode.PreconditionFailed);
        // A completed activity is read-only: a re-link refused because it is closed was completed by an earlier attempt (the
        // only way SalesBridge's activities get closed). Dataverse documents no code for that refusal; the emulator answers
        // InvalidState (0x80040233), the closest documented one.
        var alreadyCompleted = relink && status == HttpStatusCode.BadRequest && result?.Error?.ErrorCode == "0x80040233";
        if (done && !relink && status == HttpStatusCode.PreconditionFailed && regarding is not null)
        {
            // It exists, but whether that attempt already completed it is not known: a re-link settles it either way.
            item.Status = WriteBackStatus.Unresolved;
            item.Pending = true;
            item.DueAt = null;
            item.WrittenAt ??= time.GetUtcNow();
            return true;
        }
        if (done || alreadyCompleted)
        {
            if (regarding is null)
            {
                Settle(item, WriteBackStatus.Unresolved, targets.GoneRecordOf(item) is { } gone ? WriteBackReasons.RecordGone(gone.Table, gone.CrmId) : null);
                run.Unresolved++;
            }
            else
            {
                Settle(item, WriteBackStatus.Written, null);
                item.RegardingTable = regarding.Value.Table;
                item.RegardingCrmId = regarding.Value.CrmId;
                if (relink) run.Relinked++; else run.Completed++;
            }
            item.WrittenAt ??= time.GetUtcNow();
            return false;
        }
        if (status == HttpStatusCode.NotFound && relink)
        {
            // The open activity was deleted in the CRM: write it anew.
            item.Status = WriteBackStatus.Queued;
            return true;
        }
        if (status == HttpStatusCode.NotFound && regarding is { } missing)
        {
            // The contact or account was deleted in the CRM after the last import: write the activity open for now.
            targets.MissingRecords.Add(missing.CrmId);
            return true;
        }
        if (result?.Error is DataverseThrottledException throttled)
        {
            WaitForOrg(item, throttled.RetryAfter, run);
            return false;
        }
        var transient = result is null || status is HttpStatusCode.RequestTimeout || (int)status! >= 500;
        var message = result?.Error?.Message ?? "The CRM sent no answer for this item.";
        if (transient)
        {
            RetryLater(item, message, run);
        }
        else
        {
            Settle(item, WriteBackStatus.Failed, $"The CRM refused it: {message}");
            run.Failed++;
        }
        return false;
    }

    /// <summary>
    /// The org's service protection refused the item (429): it goes again once the org's Retry-After has passed. Not an
    /// attempt that failed — sending sooner would only lengthen the org's block ("Service protection API limits": clients that
    /// keep sending get longer waits) — so it never counts towards <see cref="WriteBackPolicy.MaxAttempts"/>.
    /// </summary>
    private void WaitForOrg(WriteBackItem item, TimeSpan retryAfter, WriteBackRun run)
    {
        _throttled = true;
        var until = time.GetUtcNow() + (retryAfter > TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1));
        item.DueAt = until;
        item.Reason = $"Will try again at {until:HH:mm:ss} UTC: the CRM asked SalesBridge to slow down (service protection limits).";
        run.Retried++;
    }

    private void RetryLater(WriteBackItem item, string message, WriteBackRun run)
    {
        item.Attempts++;
        if (item.Attempts >= WriteBackPolicy.MaxAttempts)
        {
            Settle(item, WriteBackStatus.Failed, $"Gave up after {item.Attempts} attempts. Last answer: {message}");
            run.Failed++;
            return;
        }
        item.DueAt = time.GetUtcNow() + WriteBackPolicy.BackOff(item.Attempts);
        item.Reason = $"Will try again: {message}";
        run.Retried++;
    }

    private static void Settle(WriteBackItem item, WriteBackStatus status, string? reason)
    {
        item.Status = status;
        item.Reason = reason is null ? null : reason.Length <= WriteBackItem.MaxReasonLength ? reason : reason[..WriteBackItem.MaxReasonLength];
        item.Pending = false;
        item.DueAt = null;
        item.Attempts = 0;
    }

    /// <summary>
    /// A seat holder may untick an item while it is sent: the outbox's save resolves that the same way for both sides (their
    /// removal stands; the activity, if written, stays in the CRM like any written item that is unticked).
    /// </summary>
    private Task SaveAsync(CancellationToken cancellationToken) => outbox.SaveChangesAsync(cancellationToken);
}
