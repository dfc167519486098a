using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoveringIndexesForSavedItemLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_OwnerId_SavedAt",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_OwnerId_SavedAt",
                table: "SavedAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_OwnerId_ContractId_SavedAt_Id",
                table: "SavedLeads",
                columns: new[] { "OwnerId", "ContractId", "SavedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_OwnerId_ContractId_SavedAt_Id",
                table: "SavedAccounts",
                columns: new[] { "OwnerId", "ContractId", "SavedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_OwnerId_ContractId_SavedAt_Id",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_OwnerId_ContractId_SavedAt_Id",
                table: "SavedAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_OwnerId_SavedAt",
                table: "SavedLeads",
                columns: new[] { "OwnerId", "SavedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_OwnerId_SavedAt",
                table: "SavedAccounts",
                columns: new[] { "OwnerId", "SavedAt" });
        }
    }
}
