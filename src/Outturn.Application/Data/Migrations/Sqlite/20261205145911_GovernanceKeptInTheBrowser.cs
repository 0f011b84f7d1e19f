using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GovernanceKeptInTheBrowser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Recommendation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PriorityId",
                table: "Promise",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Promise",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MinutesApprovedAt",
                table: "Meeting",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesApprovedBy",
                table: "Meeting",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Meeting",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportAddress",
                table: "Inspection",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Inspection",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "ImprovementAction",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ImprovementAction",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EngagementActivity",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Decision",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "From",
                table: "BoardMember",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCoOpted",
                table: "BoardMember",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "To",
                table: "BoardMember",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "BoardMember",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Board",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportKind",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportPeriod",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPlanId",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PromiseReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PromiseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WhatWeAchieved = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromiseReview_Promise_PromiseId",
                        column: x => x.PromiseId,
                        principalTable: "Promise",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promise_PriorityId",
                table: "Promise",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_ReportPlanId",
                table: "AgendaItem",
                column: "ReportPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PromiseReview_PromiseId_Year",
                table: "PromiseReview",
                columns: new[] { "PromiseId", "Year" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItem_Plans_ReportPlanId",
                table: "AgendaItem",
                column: "ReportPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Promise_Priorities_PriorityId",
                table: "Promise",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItem_Plans_ReportPlanId",
                table: "AgendaItem");

            migrationBuilder.DropForeignKey(
                name: "FK_Promise_Priorities_PriorityId",
                table: "Promise");

            migrationBuilder.DropTable(
                name: "PromiseReview");

            migrationBuilder.DropIndex(
                name: "IX_Promise_PriorityId",
                table: "Promise");

            migrationBuilder.DropIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_ReportPlanId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Recommendation");

            migrationBuilder.DropColumn(
                name: "PriorityId",
                table: "Promise");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Promise");

            migrationBuilder.DropColumn(
                name: "MinutesApprovedAt",
                table: "Meeting");

            migrationBuilder.DropColumn(
                name: "MinutesApprovedBy",
                table: "Meeting");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Meeting");

            migrationBuilder.DropColumn(
                name: "ReportAddress",
                table: "Inspection");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Inspection");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "ImprovementAction");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ImprovementAction");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EngagementActivity");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Decision");

            migrationBuilder.DropColumn(
                name: "From",
                table: "BoardMember");

            migrationBuilder.DropColumn(
                name: "IsCoOpted",
                table: "BoardMember");

            migrationBuilder.DropColumn(
                name: "To",
                table: "BoardMember");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "BoardMember");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Board");

            migrationBuilder.DropColumn(
                name: "ReportKind",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ReportPeriod",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ReportPlanId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AgendaItem");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction",
                column: "RecommendationId",
                unique: true);
        }
    }
}
