using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeltaPlanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CrmStakeholders_ContractId_ContactCrmId",
                table: "CrmStakeholders",
                columns: new[] { "ContractId", "ContactCrmId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmOpportunities_ContractId_AccountCrmId",
                table: "CrmOpportunities",
                columns: new[] { "ContractId", "AccountCrmId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmOpportunities_ContractId_ContactCrmId",
                table: "CrmOpportunities",
                columns: new[] { "ContractId", "ContactCrmId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmOpportunities_ContractId_CustomerCrmId",
                table: "CrmOpportunities",
                columns: new[] { "ContractId", "CustomerCrmId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CrmStakeholders_ContractId_ContactCrmId",
                table: "CrmStakeholders");

            migrationBuilder.DropIndex(
                name: "IX_CrmOpportunities_ContractId_AccountCrmId",
                table: "CrmOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_CrmOpportunities_ContractId_ContactCrmId",
                table: "CrmOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_CrmOpportunities_ContractId_CustomerCrmId",
                table: "CrmOpportunities");
        }
    }
}
