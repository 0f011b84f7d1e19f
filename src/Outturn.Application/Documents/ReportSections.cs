using Outturn.Domain.Periods;

namespace Outturn.Application.Documents;

/// <summary>
/// What a section source is told: the plan and period, what the round's officer wrote for the section, if anything,
/// and for a published report the register sections frozen with it.
/// </summary>
public sealed record SectionRequest(string PlanRef, Period Period, string? RoundNarrative, Monitoring.ReportRegisters? Registers = null);

/// <summary>
/// The content of the Priority Based report's sections 4.0 Risk Control Measures, 5.0 Progress against high priority
/// equality actions and 7.0 Financial Summaries, as document blocks (without the section heading; paragraphs numbered
/// 4.1, 5.1, 7.1…). The risk register, equality actions and budgets plug in here by replacing
/// <see cref="StandardReportSections"/> in the service collection.
/// </summary>
public interface IReportSectionSource
{
    Task<IReadOnlyList<Block>> RiskControlMeasuresAsync(SectionRequest request, CancellationToken ct = default);
    Task<IReadOnlyList<Block>> EqualityActionsAsync(SectionRequest request, CancellationToken ct = default);
    Task<IReadOnlyList<Block>> FinancialSummariesAsync(SectionRequest request, CancellationToken ct = default);
}

/// <summary>
/// The sections as the council writes them when it has nothing more specific: the round's narrative when an officer
/// wrote one, otherwise the standard wording of the Quarter 2 2015/16 report (docs/sources.md §2.5); and for
/// finances, a plain statement that no financial summary is held.
/// </summary>
public sealed class StandardReportSections : IReportSectionSource
{
    public const string NoFinancialSummary = "No financial summary is held for this plan and period.";

    public Task<IReadOnlyList<Block>> RiskControlMeasuresAsync(SectionRequest request, CancellationToken ct = default) =>
        Task.FromResult(Narrative(request, "4", [
            "Risk control forms an integral part of the Council's Business Planning and performance monitoring arrangements. As such, Directorate Risk Registers were updated in tandem with the development of the Directorate Business Plans.",
            $"Progress concerning the implementation of all Directorate high risk mitigation measures relevant to this Directorate will be reported at {ReportingPoint(request.Period)}.",
        ]));

    public Task<IReadOnlyList<Block>> EqualityActionsAsync(SectionRequest request, CancellationToken ct = default) =>
        Task.FromResult(Narrative(request, "5", [
            "Equality issues continue to form a routine element of the Council's business planning and operational decision making processes. Additionally the Council must have evidence to demonstrate compliance with the Public Sector Equality Duty (PSED) which came into force in April 2011.",
            "The council's latest annual progress report in relation to achievement of its equality objectives is published on the Council's website.",
        ]));

    public Task<IReadOnlyList<Block>> FinancialSummariesAsync(SectionRequest request, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Block>>([new Paragraph(NoFinancialSummary, "7.1")]);

    private static IReadOnlyList<Block> Narrative(SectionRequest request, string section, string[] standard)
    {
        var paragraphs = string.IsNullOrWhiteSpace(request.RoundNarrative)
            ? standard
            : request.RoundNarrative.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Select((p, i) => (Block)new Paragraph(p, $"{section}.{i + 1}")).ToList();
    }

    // The published Q2 2015/16 report says "will be reported at quarter two": high-risk mitigation is reported at the half year.
    private static string ReportingPoint(Period period) =>
        period.Kind == PeriodKind.Quarter && period.Number < 2 ? "quarter two" : "the next reporting point";
}
