using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScopeCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_ContractId",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_ContractId",
                table: "SavedAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_ContractId_ImportedFromCrm_CrmContactId_PersonId",
                table: "SavedLeads",
                columns: new[] { "ContractId", "ImportedFromCrm", "CrmContactId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_ContractId_ImportedFromCrm_CrmAccountId_CompanyId",
                table: "SavedAccounts",
                columns: new[] { "ContractId", "ImportedFromCrm", "CrmAccountId", "CompanyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedLeads_ContractId_ImportedFromCrm_CrmContactId_PersonId",
                table: "SavedLeads");

            migrationBuilder.DropIndex(
                name: "IX_SavedAccounts_ContractId_ImportedFromCrm_CrmAccountId_CompanyId",
                table: "SavedAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLeads_ContractId",
                table: "SavedLeads",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedAccounts_ContractId",
                table: "SavedAccounts",
                column: "ContractId");
        }
    }
}
