namespace Outturn.Web.Features.Shared;

/// <summary>
/// Published figures are open data under the Open Government Licence v3.0. Every API answer and every table
/// download (CSV, spreadsheet) says so in a <c>Link: &lt;…&gt;; rel="license"</c> header, and the open-data pages and
/// the footer say so in words (_OpenDataLicence.cshtml).
/// </summary>
public static class OpenDataLicence
{
    public const string Url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    private static readonly string[] DataTypes = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json", "application/problem+json"];

    public static IApplicationBuilder UseOpenDataLicence(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var type = context.Response.ContentType?.Split(';')[0].Trim() ?? "";
            if (context.Request.Path.StartsWithSegments("/api/v1") || DataTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                context.Response.Headers.Append("Link", $"<{Url}>; rel=\"license\"");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
