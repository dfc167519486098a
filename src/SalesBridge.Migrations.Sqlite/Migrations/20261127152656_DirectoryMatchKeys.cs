using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryMatchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchKeysVersion",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MatchKeysVersion",
                table: "Companies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DirectoryMatchKeys",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryMatchKeys", x => new { x.ContractId, x.Key, x.RecordId });
                    table.ForeignKey(
                        name: "FK_DirectoryMatchKeys_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_ContractId_MatchKeysVersion",
                table: "People",
                columns: new[] { "ContractId", "MatchKeysVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_ContractId_MatchKeysVersion",
                table: "Companies",
                columns: new[] { "ContractId", "MatchKeysVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryMatchKeys");

            migrationBuilder.DropIndex(
                name: "IX_People_ContractId_MatchKeysVersion",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Companies_ContractId_MatchKeysVersion",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "MatchKeysVersion",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MatchKeysVersion",
                table: "Companies");
        }
    }
}
