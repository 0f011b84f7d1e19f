using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>The returns held, the indicators computed from them, and (child-level permission only, audited) the children behind a figure.</summary>
public static class ReturnsApi
{
    public sealed record ImportDto(string Kind, string Year, string Files, DateTimeOffset FileDate, int Rows, DateTimeOffset ImportedAt, string ImportedBy);
    public sealed record IndicatorDto(
        string Code, string? NationalRef, string Title, int Version, string? VariantOf, IReadOnlyList<string> SourceTables, IReadOnlyList<string> Measures,
        int Numerator, int Denominator, decimal? Value, string Unit, int ChildrenWithOpenErrors, decimal? ValueWithoutThem, decimal? CorrectedLow, decimal? CorrectedHigh);
    public sealed record RuleDto(string Code, string Message, IReadOnlyList<string> Tables, IReadOnlyList<string> Fields, int Records, int Children);
    public sealed record OverviewDto(string Period, DateOnly WindowStart, DateOnly WindowEnd, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<RuleDto> Rules);
    public sealed record ChildDto(string Pseudonym, string? BirthMonth, bool InNumerator, string Detail);
    public sealed record ChildrenDto(string Code, string Period, int Numerator, int Denominator, decimal? Value, IReadOnlyList<ChildDto> Children);

    public static RouteGroupBuilder MapReturnsApi(this RouteGroupBuilder api)
    {
        var returns = api.MapGroup("/returns").WithTags("Returns");
        returns.MapGet("/", ListImports).RequireAuthorization(Policies.Council).WithName("ListReturns");
        returns.MapGet("/indicators/{period}", Indicators).RequireAuthorization(Policies.Council).WithName("ReturnsIndicators")
            .WithSummary("Every statutory indicator for the financial year to the end of the period, with numerator, denominator and validation impact.");
        returns.MapGet("/indicators/{period}/{code}/children", Children).RequireAuthorization(Policies.ChildLevel).WithName("ReturnsIndicatorChildren")
            .WithSummary("The children behind a figure, by pseudonym (child-level permission; every call is audited).");
        returns.MapGet("/validation/{period}/failures", Failures).RequireAuthorization(Policies.ChildLevel).WithName("ReturnsValidationFailures")
            .WithSummary("Every record failing a validation rule, by return, table and line, the child by pseudonym (child-level permission; audited).");
        return api;
    }

    public sealed record FailureDto(string Rule, string Return, string Table, int Line, string Pseudonym, string Detail);

    private static async Task<Results<Ok<List<FailureDto>>, ProblemHttpResult>> Failures(Period period, ReturnsReport report, CancellationToken ct)
    {
        var p = period;
        return TypedResults.Ok((await report.FailuresAsync(p, ct)).Select(f => new FailureDto(f.Rule, f.Return, f.Table, f.Line, f.Pseudonym, f.Detail)).ToList());
    }

    private static async Task<Ok<List<ImportDto>>> ListImports(ReturnsQuery query, CancellationToken ct) =>
        TypedResults.Ok((await query.ImportsAsync(ct)).Select(i => new ImportDto(ReturnImport.KindName(i.Kind), i.YearText, i.Files, i.FileDate, i.RowCount, i.ImportedAt, i.ImportedBy)).ToList());


    private static async Task<Results<Ok<OverviewDto>, ProblemHttpResult>> Indicators(Period period, ReturnsReport report, CancellationToken ct)
    {
        var p = period;
        var o = await report.OverviewAsync(p, ct);
        return TypedResults.Ok(new OverviewDto(o.Period.ToString(), o.Window.Start, o.Window.End,
            o.Indicators.Select(l => new IndicatorDto(l.Definition.Code, l.Definition.NationalRef, l.Definition.Title, l.Definition.Version, l.Definition.VariantOf,
                l.Definition.SourceTables, l.Measures, l.Impact.Now.Numerator, l.Impact.Now.Denominator, l.Impact.Now.Value, l.Definition.Unit,
                l.Impact.ChildrenTouched, l.Impact.Excluded.Value, l.Impact.CorrectedLow, l.Impact.CorrectedHigh)).ToList(),
            o.Rules.Select(r => new RuleDto(r.Rule.Code, r.Rule.Message, r.Rule.Tables, r.Rule.Fields, r.Records, r.Children)).ToList()));
    }

    private static async Task<Results<Ok<ChildrenDto>, ProblemHttpResult>> Children(Period period, string code, ReturnsReport report, CancellationToken ct)
    {
        var p = period;
        if (await report.ChildrenAsync(code, p, ct) is not { } list)
            return TypedResults.Problem(statusCode: 404, title: "Indicator not found", detail: $"No statutory indicator has the code \"{code}\".");
        return TypedResults.Ok(new ChildrenDto(list.Definition.Code, p.ToString(), list.Result.Numerator, list.Result.Denominator, list.Result.Value,
            list.Children.Select(c => new ChildDto(c.Pseudonym, c.BirthMonth, c.InNumerator, c.Detail)).ToList()));
    }
}
