using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanVersionsPriorityRefsObjectiveNarrativeAndKeptLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue");

            migrationBuilder.DropForeignKey(
                name: "FK_CoverReport_Plans_PlanId",
                table: "CoverReport");

            migrationBuilder.DropForeignKey(
                name: "FK_EngagementLink_Priorities_PriorityId",
                table: "EngagementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_ImprovementLink_Indicators_IndicatorId",
                table: "ImprovementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_ImprovementLink_Milestones_MilestoneId",
                table: "ImprovementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_MeasureSource_Indicators_IndicatorId",
                table: "MeasureSource");

            migrationBuilder.AddColumn<string>(
                name: "Ref",
                table: "Priorities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmergingIssues",
                table: "Objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyDevelopments",
                table: "Objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_PlanId_Ref",
                table: "Priorities",
                columns: new[] { "PlanId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue",
                column: "IndicatorValueId",
                principalTable: "IndicatorValues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CoverReport_Plans_PlanId",
                table: "CoverReport",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EngagementLink_Priorities_PriorityId",
                table: "EngagementLink",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ImprovementLink_Indicators_IndicatorId",
                table: "ImprovementLink",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ImprovementLink_Milestones_MilestoneId",
                table: "ImprovementLink",
                column: "MilestoneId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MeasureSource_Indicators_IndicatorId",
                table: "MeasureSource",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue");

            migrationBuilder.DropForeignKey(
                name: "FK_CoverReport_Plans_PlanId",
                table: "CoverReport");

            migrationBuilder.DropForeignKey(
                name: "FK_EngagementLink_Priorities_PriorityId",
                table: "EngagementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_ImprovementLink_Indicators_IndicatorId",
                table: "ImprovementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_ImprovementLink_Milestones_MilestoneId",
                table: "ImprovementLink");

            migrationBuilder.DropForeignKey(
                name: "FK_MeasureSource_Indicators_IndicatorId",
                table: "MeasureSource");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropIndex(
                name: "IX_Priorities_PlanId_Ref",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "Ref",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EmergingIssues",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "KeyDevelopments",
                table: "Objectives");

            migrationBuilder.AddForeignKey(
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue",
                column: "IndicatorValueId",
                principalTable: "IndicatorValues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CoverReport_Plans_PlanId",
                table: "CoverReport",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EngagementLink_Priorities_PriorityId",
                table: "EngagementLink",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ImprovementLink_Indicators_IndicatorId",
                table: "ImprovementLink",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ImprovementLink_Milestones_MilestoneId",
                table: "ImprovementLink",
                column: "MilestoneId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeasureSource_Indicators_IndicatorId",
                table: "MeasureSource",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
