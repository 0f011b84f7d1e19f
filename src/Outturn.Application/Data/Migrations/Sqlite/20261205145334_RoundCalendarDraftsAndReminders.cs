using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoundCalendarDraftsAndReminders : Migration
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

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "RoundItem",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpensOn",
                table: "MonitoringRound",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ComputedValue_RoundItemId",
                table: "ComputedValue",
                column: "RoundItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSent_RoundId_Recipient_Occasion",
                table: "ReminderSent",
                columns: new[] { "RoundId", "Recipient", "Occasion" },
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
                name: "Numerator",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "OpensOn",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "RoundItemId",
                table: "ComputedValue");

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
