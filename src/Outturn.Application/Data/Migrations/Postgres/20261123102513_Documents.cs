using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReportTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Date = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReportingOfficer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Wards = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    Recommended = table.Column<string>(type: "text", nullable: false),
                    SupportingInformation = table.Column<string>(type: "text", nullable: false),
                    PolicyImplications = table.Column<string>(type: "text", nullable: false),
                    OtherImplications = table.Column<string>(type: "text", nullable: false),
                    CouncilPriorities = table.Column<string>(type: "text", nullable: false),
                    RiskAnalysis = table.Column<string>(type: "text", nullable: false),
                    EqualityAndDiversity = table.Column<string>(type: "text", nullable: false),
                    BackgroundPapers = table.Column<string>(type: "text", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
