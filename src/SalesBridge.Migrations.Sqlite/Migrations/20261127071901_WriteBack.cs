using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WriteBack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WriteBackItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeatHolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Pending = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegardingTable = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RegardingCrmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteBackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WriteBackItems_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WriteBackRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    Unresolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Relinked = table.Column<int>(type: "INTEGER", nullable: false),
                    Retried = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    CrmRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WriteBackRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WriteBackRuns_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WriteBackItems_ContractId_Pending_QueuedAt",
                table: "WriteBackItems",
                columns: new[] { "ContractId", "Pending", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WriteBackItems_ContractId_SeatHolderId_Status",
                table: "WriteBackItems",
                columns: new[] { "ContractId", "SeatHolderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WriteBackItems_ContractId_Status_PersonId",
                table: "WriteBackItems",
                columns: new[] { "ContractId", "Status", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_WriteBackItems_ItemId",
                table: "WriteBackItems",
                column: "ItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WriteBackRuns_ContractId_StartedAt",
                table: "WriteBackRuns",
                columns: new[] { "ContractId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WriteBackItems");

            migrationBuilder.DropTable(
                name: "WriteBackRuns");
        }
    }
}
