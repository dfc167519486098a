using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CrmConnectionAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdminAlerts_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmSettings",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    AutoSyncAllSeats = table.Column<bool>(type: "boolean", nullable: false),
                    PipelineStageColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PipelineStageValue = table.Column<int>(type: "integer", nullable: true),
                    PipelineStageLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WonValueColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WriteBackEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    WriteBackAllItems = table.Column<bool>(type: "boolean", nullable: false),
                    WriteBackInMails = table.Column<bool>(type: "boolean", nullable: false),
                    WriteBackMessages = table.Column<bool>(type: "boolean", nullable: false),
                    WriteBackNotes = table.Column<bool>(type: "boolean", nullable: false),
                    Creator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SolutionDetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSettings", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_CrmSettings_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Setting = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSettingsChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmSettingsChanges_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisconnectRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DisconnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DisconnectedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DisconnectedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CleanedUp = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedLeads = table.Column<int>(type: "integer", nullable: false),
                    RemovedAccounts = table.Column<int>(type: "integer", nullable: false),
                    RemovedListEntries = table.Column<int>(type: "integer", nullable: false),
                    RemovedItems = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisconnectRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisconnectRecords_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrgConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EnvironmentLabel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IsSandbox = table.Column<bool>(type: "boolean", nullable: false),
                    SignInMethod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProtectedClientSecret = table.Column<string>(type: "text", nullable: true),
                    ProtectedTokenCache = table.Column<string>(type: "text", nullable: true),
                    SignedInAs = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CrmUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConnectedById = table.Column<Guid>(type: "uuid", nullable: false),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailureMessage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FailureCauses = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DisconnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastCompletedSyncAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgConnections_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAlerts_ContractId_ResolvedAt",
                table: "AdminAlerts",
                columns: new[] { "ContractId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmSettingsChanges_ContractId_ChangedAt",
                table: "CrmSettingsChanges",
                columns: new[] { "ContractId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisconnectRecords_ContractId_DisconnectedAt",
                table: "DisconnectRecords",
                columns: new[] { "ContractId", "DisconnectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgConnections_ContractId",
                table: "OrgConnections",
                column: "ContractId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAlerts");

            migrationBuilder.DropTable(
                name: "CrmSettings");

            migrationBuilder.DropTable(
                name: "CrmSettingsChanges");

            migrationBuilder.DropTable(
                name: "DisconnectRecords");

            migrationBuilder.DropTable(
                name: "OrgConnections");
        }
    }
}
