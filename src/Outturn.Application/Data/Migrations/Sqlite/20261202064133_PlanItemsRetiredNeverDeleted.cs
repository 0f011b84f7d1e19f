using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanItemsRetiredNeverDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commentaries_Priorities_PriorityId",
                table: "Commentaries");

            migrationBuilder.DropForeignKey(
                name: "FK_ComparatorValues_Indicators_IndicatorId",
                table: "ComparatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Objectives_ObjectiveId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Officers_OfficerId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Plans_PlanId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Objectives_ObjectiveId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Officers_OfficerId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Plans_PlanId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_MilestoneUpdates_Milestones_MilestoneId",
                table: "MilestoneUpdates");

            migrationBuilder.DropForeignKey(
                name: "FK_MonitoringRound_Plans_PlanId",
                table: "MonitoringRound");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Officers_OfficerId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Plans_PlanId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Priorities_Plans_PlanId",
                table: "Priorities");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundEvent_MonitoringRound_RoundId",
                table: "RoundEvent");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_Indicators_IndicatorId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_MonitoringRound_RoundId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_Officers_AssigneeId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_StatusOverrides_Indicators_IndicatorId",
                table: "StatusOverrides");

            migrationBuilder.DropForeignKey(
                name: "FK_Targets_Indicators_IndicatorId",
                table: "Targets");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Priorities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Commentaries_Priorities_PriorityId",
                table: "Commentaries",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComparatorValues_Indicators_IndicatorId",
                table: "ComparatorValues",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Objectives_ObjectiveId",
                table: "Indicators",
                column: "ObjectiveId",
                principalTable: "Objectives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Officers_OfficerId",
                table: "Indicators",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Plans_PlanId",
                table: "Indicators",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Objectives_ObjectiveId",
                table: "Milestones",
                column: "ObjectiveId",
                principalTable: "Objectives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Officers_OfficerId",
                table: "Milestones",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Plans_PlanId",
                table: "Milestones",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MilestoneUpdates_Milestones_MilestoneId",
                table: "MilestoneUpdates",
                column: "MilestoneId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MonitoringRound_Plans_PlanId",
                table: "MonitoringRound",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Objectives_Officers_OfficerId",
                table: "Objectives",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Objectives_Plans_PlanId",
                table: "Objectives",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Priorities_Plans_PlanId",
                table: "Priorities",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundEvent_MonitoringRound_RoundId",
                table: "RoundEvent",
                column: "RoundId",
                principalTable: "MonitoringRound",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_Indicators_IndicatorId",
                table: "RoundItem",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_MonitoringRound_RoundId",
                table: "RoundItem",
                column: "RoundId",
                principalTable: "MonitoringRound",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_Officers_AssigneeId",
                table: "RoundItem",
                column: "AssigneeId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StatusOverrides_Indicators_IndicatorId",
                table: "StatusOverrides",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Targets_Indicators_IndicatorId",
                table: "Targets",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commentaries_Priorities_PriorityId",
                table: "Commentaries");

            migrationBuilder.DropForeignKey(
                name: "FK_ComparatorValues_Indicators_IndicatorId",
                table: "ComparatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Objectives_ObjectiveId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Officers_OfficerId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Plans_PlanId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Objectives_ObjectiveId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Officers_OfficerId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Plans_PlanId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_MilestoneUpdates_Milestones_MilestoneId",
                table: "MilestoneUpdates");

            migrationBuilder.DropForeignKey(
                name: "FK_MonitoringRound_Plans_PlanId",
                table: "MonitoringRound");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Officers_OfficerId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Plans_PlanId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Priorities_Plans_PlanId",
                table: "Priorities");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundEvent_MonitoringRound_RoundId",
                table: "RoundEvent");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_Indicators_IndicatorId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_MonitoringRound_RoundId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_RoundItem_Officers_AssigneeId",
                table: "RoundItem");

            migrationBuilder.DropForeignKey(
                name: "FK_StatusOverrides_Indicators_IndicatorId",
                table: "StatusOverrides");

            migrationBuilder.DropForeignKey(
                name: "FK_Targets_Indicators_IndicatorId",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Indicators");

            migrationBuilder.AddForeignKey(
                name: "FK_Commentaries_Priorities_PriorityId",
                table: "Commentaries",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ComparatorValues_Indicators_IndicatorId",
                table: "ComparatorValues",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Objectives_ObjectiveId",
                table: "Indicators",
                column: "ObjectiveId",
                principalTable: "Objectives",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Officers_OfficerId",
                table: "Indicators",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Plans_PlanId",
                table: "Indicators",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Objectives_ObjectiveId",
                table: "Milestones",
                column: "ObjectiveId",
                principalTable: "Objectives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Officers_OfficerId",
                table: "Milestones",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Plans_PlanId",
                table: "Milestones",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MilestoneUpdates_Milestones_MilestoneId",
                table: "MilestoneUpdates",
                column: "MilestoneId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MonitoringRound_Plans_PlanId",
                table: "MonitoringRound",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Objectives_Officers_OfficerId",
                table: "Objectives",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Objectives_Plans_PlanId",
                table: "Objectives",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Priorities_Plans_PlanId",
                table: "Priorities",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundEvent_MonitoringRound_RoundId",
                table: "RoundEvent",
                column: "RoundId",
                principalTable: "MonitoringRound",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_Indicators_IndicatorId",
                table: "RoundItem",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_MonitoringRound_RoundId",
                table: "RoundItem",
                column: "RoundId",
                principalTable: "MonitoringRound",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RoundItem_Officers_AssigneeId",
                table: "RoundItem",
                column: "AssigneeId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_StatusOverrides_Indicators_IndicatorId",
                table: "StatusOverrides",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Targets_Indicators_IndicatorId",
                table: "Targets",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
