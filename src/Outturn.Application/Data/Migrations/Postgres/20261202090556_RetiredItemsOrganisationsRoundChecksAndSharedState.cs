using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RetiredItemsOrganisationsRoundChecksAndSharedState : Migration
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

            migrationBuilder.AddColumn<bool>(
                name: "EditedByHand",
                table: "RoundItem",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnusualChange",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Risks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Priorities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Plans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Officers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Objectives",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Objectives",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmedOutstanding",
                table: "MonitoringRound",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Milestones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Milestones",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "IndicatorValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "IndicatorValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aggregation",
                table: "Indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectionBasis",
                table: "Indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Formula",
                table: "Indicators",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Maximum",
                table: "Indicators",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Minimum",
                table: "Indicators",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Multiplier",
                table: "Indicators",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Indicators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "EqualityActions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabledBy",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Ref = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedValue = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredSecrets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId",
                table: "Risks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OrganisationId",
                table: "Plans",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Officers_OrganisationId",
                table: "Officers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganisationId",
                table: "Objectives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OrganisationId",
                table: "Milestones",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganisationId",
                table: "Indicators",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EqualityActions_OrganisationId",
                table: "EqualityActions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Hash",
                table: "Invitations",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_UserId",
                table: "Invitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ParentId",
                table: "Organisations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Ref",
                table: "Organisations",
                column: "Ref",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredSecrets_Purpose",
                table: "StoredSecrets",
                column: "Purpose",
                unique: true,
                filter: "\"RetiredAt\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

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
                name: "FK_EqualityActions_Organisations_OrganisationId",
                table: "EqualityActions",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_Indicators_Organisations_OrganisationId",
                table: "Indicators",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_Milestones_Organisations_OrganisationId",
                table: "Milestones",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_Objectives_Organisations_OrganisationId",
                table: "Objectives",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_Officers_Organisations_OrganisationId",
                table: "Officers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Organisations_OrganisationId",
                table: "Plans",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_Risks_Organisations_OrganisationId",
                table: "Risks",
                column: "OrganisationId",
                principalTable: "Organisations",
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
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Commentaries_Priorities_PriorityId",
                table: "Commentaries");

            migrationBuilder.DropForeignKey(
                name: "FK_ComparatorValues_Indicators_IndicatorId",
                table: "ComparatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_EqualityActions_Organisations_OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Objectives_ObjectiveId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Officers_OfficerId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Organisations_OrganisationId",
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
                name: "FK_Milestones_Organisations_OrganisationId",
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
                name: "FK_Objectives_Organisations_OrganisationId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Plans_PlanId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Officers_Organisations_OrganisationId",
                table: "Officers");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Organisations_OrganisationId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_Priorities_Plans_PlanId",
                table: "Priorities");

            migrationBuilder.DropForeignKey(
                name: "FK_Risks_Organisations_OrganisationId",
                table: "Risks");

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

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "StoredSecrets");

            migrationBuilder.DropIndex(
                name: "IX_Risks_OrganisationId",
                table: "Risks");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OrganisationId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Officers_OrganisationId",
                table: "Officers");

            migrationBuilder.DropIndex(
                name: "IX_Objectives_OrganisationId",
                table: "Objectives");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_OrganisationId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_OrganisationId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_EqualityActions_OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "EditedByHand",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "UnusualChange",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Officers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "ConfirmedOutstanding",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Denominator",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Numerator",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Aggregation",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DirectionBasis",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Formula",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Maximum",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Minimum",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Multiplier",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DisabledBy",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");

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
