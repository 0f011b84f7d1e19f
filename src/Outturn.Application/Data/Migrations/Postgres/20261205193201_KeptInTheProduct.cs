using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeptInTheProduct : Migration
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

            migrationBuilder.DropIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction");

            migrationBuilder.AddColumn<string>(
                name: "CommentaryApprovedBy",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentaryApprovedByOfficerId",
                table: "RoundItem",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CommentaryFromDraft",
                table: "RoundItem",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "RoundItem",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilledFrom",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "RoundItem",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Risks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Risks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Risks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Risks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<int>(
                name: "TargetImpact",
                table: "Risks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetLikelihood",
                table: "Risks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Risks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Recommendation",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PriorityId",
                table: "Promise",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Promise",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Ref",
                table: "Priorities",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmergingIssues",
                table: "Objectives",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyDevelopments",
                table: "Objectives",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpensOn",
                table: "MonitoringRound",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevisionCount",
                table: "MonitoringRound",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Revisions",
                table: "MonitoringRound",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MinutesApprovedAt",
                table: "Meeting",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesApprovedBy",
                table: "Meeting",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Meeting",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportAddress",
                table: "Inspection",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Inspection",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "IndicatorValues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "ImprovementAction",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ImprovementAction",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "EqualityActions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "Strands",
                table: "EqualityActions",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EqualityActions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EngagementActivity",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Decision",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "IndicatorValueId",
                table: "ComputedValue",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "RoundItemId",
                table: "ComputedValue",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "ComparatorValues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "From",
                table: "BoardMember",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCoOpted",
                table: "BoardMember",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "To",
                table: "BoardMember",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "BoardMember",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Board",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "BenchmarkValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "BenchmarkValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "AuditEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportKind",
                table: "AgendaItem",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportPeriod",
                table: "AgendaItem",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPlanId",
                table: "AgendaItem",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AgendaItem",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PromiseReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PromiseId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WhatWeAchieved = table.Column<string>(type: "text", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "PublishedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedDocuments_MonitoringRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderSent_MonitoringRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InitialLikelihood = table.Column<int>(type: "integer", nullable: false),
                    InitialImpact = table.Column<int>(type: "integer", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "integer", nullable: false),
                    ResidualImpact = table.Column<int>(type: "integer", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "integer", nullable: true),
                    TargetImpact = table.Column<int>(type: "integer", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInWaits",
                columns: table => new
                {
                    Account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InARow = table.Column<int>(type: "integer", nullable: false),
                    LastFailure = table.Column<long>(type: "bigint", nullable: false),
                    WaitUntil = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInWaits", x => x.Account);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promise_PriorityId",
                table: "Promise",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_PlanId_Ref",
                table: "Priorities",
                columns: new[] { "PlanId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ComputedValue_RoundItemId",
                table: "ComputedValue",
                column: "RoundItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_ReportPlanId",
                table: "AgendaItem",
                column: "ReportPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromiseReview_PromiseId_Year",
                table: "PromiseReview",
                columns: new[] { "PromiseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedDocuments_RoundId_Kind_Format",
                table: "PublishedDocuments",
                columns: new[] { "RoundId", "Kind", "Format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSent_RoundId_Recipient_Occasion",
                table: "ReminderSent",
                columns: new[] { "RoundId", "Recipient", "Occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_RiskId_Period",
                table: "RiskAssessments",
                columns: new[] { "RiskId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_Address_At",
                table: "SignInFailures",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_At",
                table: "SignInFailures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SignInWaits_LastFailure",
                table: "SignInWaits",
                column: "LastFailure");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItem_Plans_ReportPlanId",
                table: "AgendaItem",
                column: "ReportPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue",
                column: "IndicatorValueId",
                principalTable: "IndicatorValues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComputedValue_RoundItem_RoundItemId",
                table: "ComputedValue",
                column: "RoundItemId",
                principalTable: "RoundItem",
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
                name: "FK_ComputedValue_IndicatorValues_IndicatorValueId",
                table: "ComputedValue");

            migrationBuilder.DropForeignKey(
                name: "FK_ComputedValue_RoundItem_RoundItemId",
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

            migrationBuilder.DropForeignKey(
                name: "FK_Promise_Priorities_PriorityId",
                table: "Promise");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "PromiseReview");

            migrationBuilder.DropTable(
                name: "PublishedDocuments");

            migrationBuilder.DropTable(
                name: "ReminderSent");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropTable(
                name: "SignInWaits");

            migrationBuilder.DropIndex(
                name: "IX_Promise_PriorityId",
                table: "Promise");

            migrationBuilder.DropIndex(
                name: "IX_Priorities_PlanId_Ref",
                table: "Priorities");

            migrationBuilder.DropIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction");

            migrationBuilder.DropIndex(
                name: "IX_ComputedValue_RoundItemId",
                table: "ComputedValue");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_ReportPlanId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "CommentaryApprovedBy",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "CommentaryApprovedByOfficerId",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "CommentaryFromDraft",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "Denominator",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "FilledFrom",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "Numerator",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TargetImpact",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TargetLikelihood",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Risks");

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

            migrationBuilder.DropColumn(
                name: "OpensOn",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "RevisionCount",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "Revisions",
                table: "MonitoringRound");

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
                name: "InternalNote",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "ImprovementAction");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ImprovementAction");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "Strands",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EngagementActivity");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Decision");

            migrationBuilder.DropColumn(
                name: "RoundItemId",
                table: "ComputedValue");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "ComparatorValues");

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
                name: "Denominator",
                table: "BenchmarkValues");

            migrationBuilder.DropColumn(
                name: "Numerator",
                table: "BenchmarkValues");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "AuditEntries");

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

            migrationBuilder.AlterColumn<int>(
                name: "IndicatorValueId",
                table: "ComputedValue",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementAction_RecommendationId",
                table: "ImprovementAction",
                column: "RecommendationId",
                unique: true);

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
