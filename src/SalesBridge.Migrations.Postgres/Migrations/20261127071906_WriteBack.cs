using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeatHolderId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ThreadId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Pending = table.Column<bool>(type: "boolean", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegardingTable = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RegardingCrmId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    Unresolved = table.Column<int>(type: "integer", nullable: false),
                    Relinked = table.Column<int>(type: "integer", nullable: false),
                    Retried = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    CrmRequests = table.Column<int>(type: "integer", nullable: false),
                    FailureMessage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
