using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Outturn.Web.Features.Shared;

/// <summary>A form's problems, each with the id of the field it is about, for the error summary's links and the inline messages.</summary>
public sealed class FormErrors : List<(string Field, string Message)>
{
    public void Add(string field, string message) => Add((field, message));

    public string? For(string field) => this.FirstOrDefault(e => e.Field == field).Message;
}

/// <summary>
/// GOV.UK Design System form fields written once for the register forms: a label, a hint, the inline error message
/// (with its visually hidden "Error:") and the error state of the group, so that every field reads the same.
/// </summary>
public static class FormFields
{
    private static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");

    private static (string Group, string Error, string Described, string InputError) Parts(string id, string? hint, FormErrors errors, string inputErrorClass)
    {
        var message = errors.For(id);
        var described = string.Join(' ', new[] { hint is null ? null : id + "-hint", message is null ? null : id + "-error" }.OfType<string>());
        return (message is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error",
            message is null ? "" : $"<p class=\"govuk-error-message\" id=\"{id}-error\"><span class=\"govuk-visually-hidden\">Error:</span> {E(message)}</p>",
            described.Length == 0 ? "" : $" aria-describedby=\"{described}\"",
            message is null ? "" : " " + inputErrorClass);
    }

    private static string Hint(string id, string? hint) => hint is null ? "" : $"<div class=\"govuk-hint\" id=\"{id}-hint\">{E(hint)}</div>";

    public static IHtmlContent Text(string id, string name, string label, string? value, FormErrors errors, string? hint = null, string width = "govuk-!-width-two-thirds", string? extra = null)
    {
        var (group, error, described, inputError) = Parts(id, hint, errors, "govuk-input--error");
        return new HtmlString($"<div class=\"{group}\"><label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>{Hint(id, hint)}{error}" +
            $"<input class=\"govuk-input {width}{inputError}\" id=\"{id}\" name=\"{name}\" type=\"text\" value=\"{E(value)}\"{described}{extra ?? ""} /></div>");
    }

    public static IHtmlContent TextArea(string id, string name, string label, string? value, FormErrors errors, string? hint = null, int rows = 3)
    {
        var (group, error, described, inputError) = Parts(id, hint, errors, "govuk-textarea--error");
        return new HtmlString($"<div class=\"{group}\"><label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>{Hint(id, hint)}{error}" +
            $"<textarea class=\"govuk-textarea{inputError}\" id=\"{id}\" name=\"{name}\" rows=\"{rows}\"{described}>{E(value)}</textarea></div>");
    }

    public static IHtmlContent Select(string id, string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, FormErrors errors, string? hint = null)
    {
        var (group, error, described, inputError) = Parts(id, hint, errors, "govuk-select--error");
        var html = new StringBuilder($"<div class=\"{group}\"><label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>{Hint(id, hint)}{error}<select class=\"govuk-select{inputError}\" id=\"{id}\" name=\"{name}\"{described}>");
        foreach (var (value, text) in options)
            html.Append($"<option value=\"{E(value)}\"{(value == (selected ?? "") ? " selected" : "")}>{E(text)}</option>");
        return new HtmlString(html.Append("</select></div>").ToString());
    }

    /// <summary>Radios or checkboxes in a fieldset; the first input carries the id the error summary links to.</summary>
    public static IHtmlContent Choices(string id, string name, string legend, IEnumerable<(string Value, string Text)> options, IReadOnlyCollection<string> selected, FormErrors errors, string? hint = null, bool multiple = false)
    {
        var (group, error, described, _) = Parts(id, hint, errors, "");
        var kind = multiple ? "checkboxes" : "radios";
        var html = new StringBuilder($"<div class=\"{group}\"><fieldset class=\"govuk-fieldset\"{described}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>{Hint(id, hint)}{error}");
        html.Append($"<div class=\"govuk-{kind} govuk-{kind}--small\" data-module=\"govuk-{kind}\">");
        var n = 0;
        foreach (var (value, text) in options)
        {
            var inputId = n++ == 0 ? id : $"{id}-{n}";
            html.Append($"<div class=\"govuk-{kind}__item\"><input class=\"govuk-{kind}__input\" id=\"{inputId}\" name=\"{name}\" type=\"{(multiple ? "checkbox" : "radio")}\" value=\"{E(value)}\"{(selected.Contains(value) ? " checked" : "")} />" +
                        $"<label class=\"govuk-label govuk-{kind}__label\" for=\"{inputId}\">{E(text)}</label></div>");
        }
        return new HtmlString(html.Append("</div></fieldset></div>").ToString());
    }

    /// <summary>A date typed as 31/3/2016 or 2016-03-31; null with a message when it cannot be read, null without one when blank.</summary>
    public static DateOnly? ParseDate(string? text, string field, string what, FormErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, $"Enter {what}, for example 31/3/2016.");
            return null;
        }
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["d/M/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date, for example 31/3/2016; \"{t}\" is not.");
        return null;
    }

    public static string? ShowDate(DateOnly? d) => d?.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
}
