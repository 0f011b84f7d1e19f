using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// One form field in the GOV.UK pattern, drawn by <c>_RecordField</c>: label, hint, the inline error message and
/// <c>govuk-form-group--error</c> when the field has a problem, the value as typed.
/// </summary>
public sealed record FormField(string Id, string Name, string Label, string? Value, string? Hint = null, string? Error = null)
{
    public string Kind { get; init; } = "text";
    public string? Width { get; init; }
    public int Rows { get; init; } = 4;
    public bool Checked { get; init; }
    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];
    public string? InputMode { get; init; }
    public string? Autocomplete { get; init; }
}

/// <summary>
/// A page that keeps a record in the browser: its form's problems (each linked from the error summary to its field)
/// and the readers of typed dates, times and numbers, with messages that say what was expected. Rules of the
/// domain refuse through <see cref="DomainErrors"/>; only what cannot be read is checked here.
/// </summary>
public abstract class RecordPageModel : PageModel
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] DateForms = ["d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy"];

    public List<(string Field, string Message)> Problems { get; } = [];

    public string? ProblemFor(string field) => Problems.FirstOrDefault(p => p.Field == field).Message;

    protected void Problem(string field, string message) => Problems.Add((field, message));

    public FormField Field(string id, string name, string label, string? value, string? hint = null) => new(id, name, label, value, hint, ProblemFor(id));

    /// <summary>A date typed as "4 January 2016", "2016-01-04" or "4/1/2016"; blank is none (a problem when required).</summary>
    protected DateOnly? ReadDate(string? text, string field, string what, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Problem(field, $"Enter {what}, for example 4 January 2016.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateForms, Gb, DateTimeStyles.AllowWhiteSpaces, out var d)) return d;
        Problem(field, $"{Capital(what)} must be a real date, for example 4 January 2016 or 2016-01-04; \"{text.Trim()}\" is not.");
        return null;
    }

    /// <summary>A time typed as 18:30, 6.30pm or 6:30 p.m.</summary>
    protected TimeOnly? ReadTime(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToLowerInvariant().Replace(" ", "").Replace("a.m.", "am").Replace("p.m.", "pm").Replace('.', ':');
        var pm = t.EndsWith("pm", StringComparison.Ordinal);
        var am = t.EndsWith("am", StringComparison.Ordinal);
        if (pm || am) t = t[..^2];
        if (!t.Contains(':')) t += ":00";
        if (TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && (!(pm || am) || time.Hour is >= 1 and <= 12))
            return pm && time.Hour < 12 ? time.AddHours(12) : am && time.Hour == 12 ? time.AddHours(-12) : time;
        Problem(field, $"{Capital(what)} must be a time, for example 18:30 or 6.30pm; \"{text.Trim()}\" is not.");
        return null;
    }

    /// <summary>A whole number; blank is none.</summary>
    protected int? ReadWhole(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        Problem(field, $"{Capital(what)} must be a whole number, like 12; \"{text.Trim()}\" is not.");
        return null;
    }

    protected void Require(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) Problem(field, message);
    }

    public static string Input(DateOnly? d) => d?.ToString("d MMMM yyyy", Gb) ?? "";

    public static string Input(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
