using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MatchEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatchEvidence",
                table: "CrmContacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchEvidence",
                table: "CrmAccounts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MatchEvidence",
                table: "CrmContacts");

            migrationBuilder.DropColumn(
                name: "MatchEvidence",
                table: "CrmAccounts");
        }
    }
}
