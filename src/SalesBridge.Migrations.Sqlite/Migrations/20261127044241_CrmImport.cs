using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CrmImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "SavedLeads",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "CrmContactId",
                table: "SavedLeads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ImportedFromCrm",
                table: "SavedLeads",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "CompanyId",
                table: "SavedAccounts",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "CrmAccountId",
                table: "SavedAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ImportedFromCrm",
                table: "SavedAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SyncIntervalMinutes",
                table: "CrmSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CrmAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReadInRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MatchScore = table.Column<double>(type: "REAL", nullable: true),
                    MatchState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MatchSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmAccounts_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CrmAccounts_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccountCrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReadInRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MatchScore = table.Column<double>(type: "REAL", nullable: true),
                    MatchState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MatchSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmContacts_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrmContacts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CrmImportStates",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OpportunitiesDeltaLink = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StakeholdersDeltaLink = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AccountsDeltaLink = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContactsDeltaLink = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastFullReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmImportStates", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_CrmImportStates_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmOpportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerCrmUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StageValue = table.Column<int>(type: "INTEGER", nullable: true),
                    AccountCrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactCrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerCrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerIsAccount = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadInRunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmOpportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmOpportunities_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmStakeholders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityCrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactCrmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadInRunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmStakeholders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmStakeholders_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResumesRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StepsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    StepCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", nullable: true),
                    FailureMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Counts_Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_CrmRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_RecordsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Counts_Updated = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunErrors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Table = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunErrors_SyncRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_CrmContactId",
                table: "SavedLeads",
                column: "CrmContactId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_OwnerId_CrmContactId",
                table: "SavedLeads",
                columns: new[] { "OwnerId", "CrmContactId" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_SavedLeads_PersonOrCrmContact",
                table: "SavedLeads",
                sql: "\"PersonId\" IS NOT NULL OR \"CrmContactId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_CrmAccountId",
                table: "SavedAccounts",
                column: "CrmAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_OwnerId_CrmAccountId",
                table: "SavedAccounts",
                columns: new[] { "OwnerId", "CrmAccountId" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_SavedAccounts_CompanyOrCrmAccount",
                table: "SavedAccounts",
                sql: "\"CompanyId\" IS NOT NULL OR \"CrmAccountId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CrmAccounts_CompanyId",
                table: "CrmAccounts",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CrmAccounts_ContractId_CrmId",
                table: "CrmAccounts",
                columns: new[] { "ContractId", "CrmId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmContacts_ContractId_CrmId",
                table: "CrmContacts",
                columns: new[] { "ContractId", "CrmId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmContacts_PersonId",
                table: "CrmContacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CrmOpportunities_ContractId_CrmId",
                table: "CrmOpportunities",
                columns: new[] { "ContractId", "CrmId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmStakeholders_ContractId_CrmId",
                table: "CrmStakeholders",
                columns: new[] { "ContractId", "CrmId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunErrors_RunId_At",
                table: "SyncRunErrors",
                columns: new[] { "RunId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ContractId_StartedAt",
                table: "SyncRuns",
                columns: new[] { "ContractId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_OneRunningPerContract",
                table: "SyncRuns",
                column: "ContractId",
                unique: true,
                filter: "\"Status\" = 'Running'");

            migrationBuilder.AddForeignKey(
                name: "FK_SavedAccounts_CrmAccounts_CrmAccountId",
                table: "SavedAccounts",
                column: "CrmAccountId",
                principalTable: "CrmAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_SavedLeads_CrmContacts_CrmContactId",
                table: "SavedLeads",
                column: "CrmContactId",
                principalTable: "CrmContacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SavedAccounts_CrmAccounts_CrmAccountId",
                table: "SavedAccounts");

            migrationBuilder.DropForeignKey(
                name: "FK_SavedLeads_CrmContacts_CrmContactId",
                table: "SavedLeads");

            migrationBuilder.DropTable(
                name: "CrmAccounts");

            migrationBuilder.DropTable(
                name: "CrmContacts");

            migrationBuilder.DropTable(
                name: "CrmImportStates");

            migrationBuilder.DropTable(
                name: "CrmOpportunities");

            migrationBuilder.DropTable(
                name: "CrmStakeholders");

            migrationBuilder.DropTable(
                name: "SyncRunErrors");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_CrmContactId",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_OwnerId_CrmContactId",
                table: "SavedLeads");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SavedLeads_PersonOrCrmContact",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_CrmAccountId",
                table: "SavedAccounts");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_OwnerId_CrmAccountId",
                table: "SavedAccounts");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SavedAccounts_CompanyOrCrmAccount",
                table: "SavedAccounts");

            migrationBuilder.DropColumn(
                name: "CrmContactId",
                table: "SavedLeads");

            migrationBuilder.DropColumn(
                name: "ImportedFromCrm",
                table: "SavedLeads");

            migrationBuilder.DropColumn(
                name: "CrmAccountId",
                table: "SavedAccounts");

            migrationBuilder.DropColumn(
                name: "ImportedFromCrm",
                table: "SavedAccounts");

            migrationBuilder.DropColumn(
                name: "SyncIntervalMinutes",
                table: "CrmSettings");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "SavedLeads",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CompanyId",
                table: "SavedAccounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
