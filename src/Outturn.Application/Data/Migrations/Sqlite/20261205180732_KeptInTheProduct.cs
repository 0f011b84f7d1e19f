using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeptInTheProduct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentaryApprovedBy",
                table: "RoundItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentaryApprovedByOfficerId",
                table: "RoundItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CommentaryFromDraft",
                table: "RoundItem",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "RoundItem",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FilledFrom",
                table: "RoundItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "RoundItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "RoundItem",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Risks",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<int>(
                name: "TargetImpact",
                table: "Risks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetLikelihood",
                table: "Risks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Risks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpensOn",
                table: "MonitoringRound",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "IndicatorValues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "EqualityActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Strands",
                table: "EqualityActions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EqualityActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "IndicatorValueId",
                table: "ComputedValue",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "RoundItemId",
                table: "ComputedValue",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "ComparatorValues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderSent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InitialLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_ComputedValue_RoundItemId",
                table: "ComputedValue",
                column: "RoundItemId");

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

            migrationBuilder.AddForeignKey(
                name: "FK_ComputedValue_RoundItem_RoundItemId",
                table: "ComputedValue",
                column: "RoundItemId",
                principalTable: "RoundItem",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ComputedValue_RoundItem_RoundItemId",
                table: "ComputedValue");

            migrationBuilder.DropTable(
                name: "ReminderSent");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropIndex(
                name: "IX_ComputedValue_RoundItemId",
                table: "ComputedValue");

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
                name: "OpensOn",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "IndicatorValues");

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
                name: "RoundItemId",
                table: "ComputedValue");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "ComparatorValues");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "AuditEntries");

            migrationBuilder.AlterColumn<int>(
                name: "IndicatorValueId",
                table: "ComputedValue",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
