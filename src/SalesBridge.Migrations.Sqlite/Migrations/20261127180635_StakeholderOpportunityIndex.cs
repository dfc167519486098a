using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StakeholderOpportunityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CrmStakeholders_ContractId_OpportunityCrmId",
                table: "CrmStakeholders",
                columns: new[] { "ContractId", "OpportunityCrmId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CrmStakeholders_ContractId_OpportunityCrmId",
                table: "CrmStakeholders");
        }
    }
}
