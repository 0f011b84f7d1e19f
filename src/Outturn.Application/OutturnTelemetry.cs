using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Outturn.Application;

/// <summary>
/// Outturn's own traces and metrics (source and meter "Outturn"): imports and document generation, beside the
/// requests and database calls that ASP.NET Core, EF Core and Npgsql report. Nothing is collected or sent unless the
/// web app is configured to export (<c>Outturn:Telemetry:OtlpEndpoint</c>); with no listener these cost next to
/// nothing. Tags name the kind of work and its outcome, never a person or a child.
/// </summary>
public static class OutturnTelemetry
{
    public const string Name = "Outturn";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Imports = Meter.CreateCounter<long>("outturn.imports", "{import}", "Imports run, by kind and outcome.");
    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("outturn.import.duration", "s", "How long imports took, by kind and outcome.");
    private static readonly Histogram<double> DocumentDuration = Meter.CreateHistogram<double>("outturn.document.duration", "s", "How long documents took to make, by kind and format.");

    /// <summary>Times an import of a kind (plan, benchmarks, returns, ledger…); dispose it when done, after <see cref="Work.Succeeded"/> if it was.</summary>
    public static Work Import(string kind) => new(Source.StartActivity("import " + kind), kind, null, isImport: true);

    /// <summary>Times the making of a document of a kind in a format.</summary>
    public static Work Document(string kind, string format) => new(Source.StartActivity($"document {kind} {format}"), kind, format, isImport: false);

    public sealed class Work : IDisposable
    {
        private readonly Activity? _activity;
        private readonly string _kind;
        private readonly string? _format;
        private readonly bool _isImport;
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _succeeded;
        private bool _done;

        internal Work(Activity? activity, string kind, string? format, bool isImport)
        {
            _activity = activity;
            _kind = kind;
            _format = format;
            _isImport = isImport;
            activity?.SetTag("outturn.kind", kind);
            if (format is not null) activity?.SetTag("outturn.format", format);
        }

        public void Succeeded() => _succeeded = true;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            var outcome = _succeeded ? "done" : "refused or failed";
            _activity?.SetTag("outturn.outcome", outcome);
            if (!_succeeded) _activity?.SetStatus(ActivityStatusCode.Error);
            _activity?.Dispose();
            if (_isImport)
            {
                var tags = new TagList { { "outturn.kind", _kind }, { "outturn.outcome", outcome } };
                Imports.Add(1, tags);
                ImportDuration.Record(seconds, tags);
            }
            else DocumentDuration.Record(seconds, new TagList { { "outturn.kind", _kind }, { "outturn.format", _format } });
        }
    }
}
