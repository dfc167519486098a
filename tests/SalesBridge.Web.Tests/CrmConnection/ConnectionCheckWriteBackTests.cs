using SalesBridge.CrmConnection;
using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>
/// A salesperson whose roles lost create on activities and append-to on leads: import is fine, write-back is not.
/// A warning while write-back is off; a failure once it is asked for.
/// </summary>
public sealed class ConnectionCheckWriteBackTests : IClassFixture<ReadOnlySalespeopleOrgFixture>
{
    private readonly ReadOnlySalespeopleOrgFixture _org;
    private readonly CrmUser _salesperson;

    public ConnectionCheckWriteBackTests(ReadOnlySalespeopleOrgFixture org)
    {
        _org = org;
        _salesperson = org.World.Users.First(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled);
        // Revoking twice is harmless, so every test of the class may do it.
        foreach (var role in org.Server.Org.Security.RolesOf(_salesperson.Id))
        {
            org.Server.Org.Security.Revoke(role, "prvCreateActivity");
            org.Server.Org.Security.Revoke(role, "prvAppendToLead");
        }
    }

    [Fact]
    public async Task RunAsync_WriteBackOffAndPrivilegesMissing_WarnsListingThem()
    {
        var report = await _org.Check.RunAsync(_org.Request(await _org.SignInAsync(_salesperson)), CancellationToken.None);

        report[ConnectionCheckKind.ImportPrivileges].Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        var step = report[ConnectionCheckKind.WriteBackPrivileges];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Warning);
        step.Message.ShouldBe("Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.");
        step.MissingPrivileges.Select(p => p.Name).ShouldBe(["prvCreateActivity", "prvAppendToLead"]);
        step.Causes.ShouldContain("Missing prvCreateActivity (Create Activity) on sb_inmail, sb_message, sb_note.");
        step.Causes.ShouldContain("Missing prvAppendToLead (Append To Lead) on lead.");
        report[ConnectionCheckKind.RequiredObjects].Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Warning);
    }

    [Fact]
    public async Task RunAsync_WriteBackRequestedAndPrivilegesMissing_Fails()
    {
        var request = _org.Request(await _org.SignInAsync(_salesperson)) with { WriteBackRequested = true };

        var report = await _org.Check.RunAsync(request, CancellationToken.None);

        var step = report[ConnectionCheckKind.WriteBackPrivileges];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe(ConnectionFailureMessages.InsufficientPrivileges);
        step.MissingPrivileges.Select(p => p.Name).ShouldBe(["prvCreateActivity", "prvAppendToLead"]);
        report[ConnectionCheckKind.RequiredObjects].Outcome.ShouldBe(ConnectionCheckOutcome.Skipped);
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
    }

    [Fact]
    public async Task RunAsync_CreatorIsSeatHolderWithoutImpersonation_ListsActOnBehalf()
    {
        var request = _org.Request(await _org.SignInAsync(_salesperson)) with
        {
            WriteBackRequested = true,
            WriteBack = new WriteBackPrivilegeOptions { ActivityTables = ["sb_inmail"], CreatorIsSeatHolder = true },
        };

        var report = await _org.Check.RunAsync(request, CancellationToken.None);

        var step = report[ConnectionCheckKind.WriteBackPrivileges];
        step.MissingPrivileges.Select(p => p.Name).ShouldBe(["prvCreateActivity", "prvAppendToLead", "prvActOnBehalfOfAnotherUser"]);
        step.Causes.ShouldContain("Missing prvCreateActivity (Create Activity) on sb_inmail.");
        step.Causes.ShouldContain("Missing prvActOnBehalfOfAnotherUser (Act on Behalf of Another User) on (organization).");
    }
}
