using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoverReport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReportingOfficer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Wards = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Recommended = table.Column<string>(type: "TEXT", nullable: false),
                    SupportingInformation = table.Column<string>(type: "TEXT", nullable: false),
                    PolicyImplications = table.Column<string>(type: "TEXT", nullable: false),
                    OtherImplications = table.Column<string>(type: "TEXT", nullable: false),
                    CouncilPriorities = table.Column<string>(type: "TEXT", nullable: false),
                    RiskAnalysis = table.Column<string>(type: "TEXT", nullable: false),
                    EqualityAndDiversity = table.Column<string>(type: "TEXT", nullable: false),
                    BackgroundPapers = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverReport_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoverReport_PlanId_Period",
                table: "CoverReport",
                columns: new[] { "PlanId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoverReport");
        }
    }
}
