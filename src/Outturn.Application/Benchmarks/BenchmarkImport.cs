using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Sylvan.Data.Csv;

namespace Outturn.Application.Benchmarks;

public sealed record BenchmarkImportResult(
    bool Imported, string File, string Profile, long Rows, long Suppressed, long Skipped,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> AddedAreas);

/// <summary>
/// Loads a published benchmark file through an import profile: streamed row by row (memory stays bounded however long
/// the file), validated as it goes, written in batches inside one transaction, and committed only when no row has an
/// error — all or nothing. A row replaces the value held for the same indicator, area and period; other values stay.
/// </summary>
public sealed class BenchmarkImport(OutturnDbContext db, ImportProfiles profiles, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Errors listed in full; beyond this they are counted.</summary>
    public const int MaxErrorsListed = 100;

    /// <summary>Rows written per batch, on both providers: with the CSV reader's buffer, the most read ahead of what is written.</summary>
    public const int BatchRows = BenchmarkWriter.BatchRows;

    public async Task<BenchmarkImportResult> ImportAsync(string profileName, string path, CancellationToken ct = default)
    {
        var file = Path.GetFileName(path);
        var profile = await profiles.FindAsync(profileName, ct);
        if (profile is null)
        {
            var names = (await profiles.ListAsync(ct)).Select(p => p.Name);
            return Rejected(file, profileName, $"--profile \"{profileName}\": no such import profile; the profiles are {string.Join(", ", names)}.");
        }
        if (!File.Exists(path)) return Rejected(file, profileName, $"{path}: no such file.");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return await ImportAsync(profile, reader, file, ct);
    }

    /// <summary>Characters of the file the CSV reader holds at once: with a batch, the most read ahead of what is written.</summary>
    public const int ReadBufferChars = 1 << 14;

    /// <param name="progress">Called after each batch is written with (lines read, rows written): lets a test see that the file is streamed.</param>
    public async Task<BenchmarkImportResult> ImportAsync(ImportProfile profile, TextReader reader, string file, CancellationToken ct = default, Action<long, long>? progress = null)
    {
        var problems = profile.Problems();
        if (problems.Count > 0) return Rejected(file, profile.Name, [.. problems.Select(p => $"profile {profile.Name}: {p}")]);

        var indicatorRefs = (await db.Indicators.Select(i => i.Ref).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var areas = await db.Set<Area>().AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);

        // Sylvan's reader hands out fields as spans without making strings (CsvHelper took most of the load's time
        // at national size: ADR 0304); HasHeaders is off so that the header is checked here with our messages.
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions
        {
            HasHeaders = false, BufferSize = ReadBufferChars, OwnsReader = false, ResultSetMode = ResultSetMode.SingleResult,
        });
        var row = new CsvRow(csv);
        var errors = new List<string>();
        long errorCount = 0;
        void Error(string message)
        {
            errorCount++;
            if (errors.Count < MaxErrorsListed) errors.Add(message);
        }

        string[] header;
        try
        {
            if (!csv.Read()) return Rejected(file, profile.Name, $"{file}:1: empty file; expected a header row.");
            header = Enumerable.Range(0, csv.RowFieldCount).Select(i => row.Span(i).ToString()).ToArray();
        }
        catch (CsvFormatException ex)
        {
            return Rejected(file, profile.Name, $"{file}:1: not valid CSV: {ex.Message}");
        }
        var extractor = RowExtractor.For(profile, header, file, out var headerErrors);
        if (headerErrors.Count > 0) return Rejected(file, profile.Name, [.. headerErrors]);

        var warnings = new List<string>();
        var added = new Dictionary<string, Area>(StringComparer.Ordinal);
        var codesInFile = new Dictionary<string, CodeInFile>(StringComparer.Ordinal);
        var periods = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? lastIndicator = null, lastArea = null, lastAreaName = null, lastPeriodText = null, lastPeriod = null;
        long rows = 0, suppressed = 0, skipped = 0;
        var cells = new List<Cell>(4);

        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        await using var writer = await BenchmarkWriter.OpenAsync(db, file, ct);
        long line = 1;
        Action<string> rowError = m => Error($"{file}:{line}: {m}");
        try
        {
            while (csv.Read())
            {
                ct.ThrowIfCancellationRequested();
                // Rows are counted as lines: the same unless a quoted field runs over a line break, which these files never need.
                line = csv.RowNumber;
                if (csv.RowFieldCount != header.Length)
                {
                    if (csv.RowFieldCount == 1 && row.Span(0).IsEmpty) continue; // a blank line
                    Error($"{file}:{line}: {csv.RowFieldCount} fields where the header has {header.Length}.");
                    continue;
                }

                cells.Clear();
                if (!extractor.Extract(row, cells, out var skipReason, rowError))
                {
                    if (skipReason) skipped++;
                    continue;
                }
                foreach (var c in cells)
                {
                    var ok = true;
                    // Published files repeat the same indicator, area and name row after row, and CsvRow hands out
                    // one string for each repeated text: a cell like the last good one needs no lookups.
                    if (!ReferenceEquals(c.Indicator, lastIndicator) && !indicatorRefs.Contains(c.Indicator))
                    {
                        Error($"{file}:{line}: column \"{c.IndicatorColumn}\": \"{c.Indicator}\" is not an indicator Outturn holds; import the plan that defines it first.");
                        ok = false;
                    }
                    if (!(ReferenceEquals(c.AreaCode, lastArea) && ReferenceEquals(c.AreaName, lastAreaName)) && !CheckArea(c))
                        ok = false;

                    string? period;
                    if (ReferenceEquals(c.Period, lastPeriodText)) period = lastPeriod;
                    else if (!periods.TryGetValue(c.Period, out period))
                        periods[c.Period] = period = Domain.Periods.Period.TryParse(c.Period, out var p) ? p.ToString() : null;
                    if (period is null)
                    {
                        Error($"{file}:{line}: column \"{c.PeriodColumn}\": \"{c.Period}\" is not a period. Accepted forms: {Domain.Periods.Period.AcceptedForms}.");
                        ok = false;
                    }

                    ReadOnlySpan<char> value = row.Span(c.ValueIndex);
                    string? suppression = null;
                    if (PlainNumber(value)) { } // kept as written: it needs neither checking further nor rounding
                    else if (Suppression.IsCode(value.ToString()))
                    {
                        suppression = value.ToString();
                        value = default;
                    }
                    else if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                             && Math.Abs(number) < MaxValue)
                    {
                        // Stored to six decimal places.
                        var rounded = Math.Round(number, 6, MidpointRounding.AwayFromZero);
                        value = rounded.ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Error($"{file}:{line}: column \"{c.ValueColumn}\": \"{value}\" is not a number or a suppression code ({Suppression.Accepted}).");
                        ok = false;
                    }

                    if (!ok || errorCount > 0) continue;
                    (lastIndicator, lastArea, lastAreaName, lastPeriodText, lastPeriod) = (c.Indicator, c.AreaCode, c.AreaName, c.Period, period);
                    rows++;
                    if (suppression is not null) suppressed++;
                    if (writer.Add(new BenchmarkRow(line, c.Indicator, c.AreaCode, period!, value, suppression, c.Rounded)))
                    {
                        await writer.FlushAsync(ct);
                        progress?.Invoke(line, writer.Written);
                    }
                }
            }
        }
        catch (CsvFormatException ex)
        {
            Error($"{file}:{ex.RowNumber}: not valid CSV: {ex.Message}");
        }

        if (errorCount > 0)
        {
            if (errorCount > errors.Count) errors.Add($"{file}: … and {errorCount - errors.Count} more errors.");
            await writer.CancelAsync();
            await tx.RollbackAsync(ct);
            return new BenchmarkImportResult(false, file, profile.Name, 0, 0, skipped, errors, warnings, []);
        }

        await writer.CompleteAsync(ct);
        progress?.Invoke(line, writer.Written);
        db.Set<Area>().AddRange(added.Values);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), By = user.Name, Entity = "BenchmarkImport", EntityKey = file, Action = "Imported",
            NewValue = $"{rows} values ({suppressed} suppressed) with profile {profile.Name}; {added.Count} areas added",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BenchmarkImportResult(true, file, profile.Name, rows, suppressed, skipped, [], warnings,
            added.Values.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => $"{a.Code} {a.Name}").ToList());

        // A code is checked once; its first name in the file is kept, and a second name is an error.
        bool CheckArea(in Cell c)
        {
            if (!codesInFile.TryGetValue(c.AreaCode, out var seen))
            {
                if (!AreaCodes.IsWellFormed(c.AreaCode))
                {
                    Error($"{file}:{line}: column \"{c.AreaColumn}\": \"{c.AreaCode}\" is not an area code; expected a GSS code such as E06000006 (E92000001 England, E12… regions).");
                    return false;
                }
                codesInFile[c.AreaCode] = seen = new CodeInFile();
            }
            if (c.AreaName.Length == 0)
            {
                if (seen.Name is not null || areas.ContainsKey(c.AreaCode)) return true;
                Error($"{file}:{line}: column \"{c.AreaNameColumn}\": {c.AreaCode} is not a known area, so its name is needed.");
                return false;
            }
            if (seen.Name is not null)
            {
                if (seen.Name == c.AreaName) return true;
                Error($"{file}:{line}: column \"{c.AreaNameColumn}\": {c.AreaCode} is named \"{c.AreaName}\" here but \"{seen.Name}\" at line {seen.Line}; a code has one name within a file.");
                return false;
            }
            (seen.Name, seen.Line) = (c.AreaName, line);
            if (areas.TryGetValue(c.AreaCode, out var known))
            {
                if (known.Name != c.AreaName)
                    warnings.Add($"{file}:{line}: {c.AreaCode} is named \"{c.AreaName}\" in the file but held as \"{known.Name}\"; the held name is kept.");
            }
            else
            {
                var kind = AreaCodes.KindOf(c.AreaCode);
                added[c.AreaCode] = new Area { Code = c.AreaCode, Name = c.AreaName, Kind = kind, RegionCode = kind == AreaKind.Authority ? c.RegionCode : null };
            }
            return true;
        }
    }

    /// <summary>Figures are held to six decimal places and below a million million.</summary>
    private const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>
    /// Digits with an optional minus sign and point, at most twelve before the point and six after: such text is a
    /// number Outturn holds exactly as written, so the decimal parse and rounding are not needed (nearly every cell).
    /// </summary>
    internal static bool PlainNumber(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var whole = i - start;
        if (whole is 0 or > 12) return false;
        if (i == text.Length) return true;
        if (text[i] != '.') return false;
        var point = ++i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i == text.Length && i - point is > 0 and <= 6;
    }

    private sealed class CodeInFile
    {
        public string? Name;
        public long Line;
    }

    private static BenchmarkImportResult Rejected(string file, string profile, params string[] errors) =>
        new(false, file, profile, 0, 0, 0, Data.ImportErrors.Capped(errors), [], []);
}

/// <summary>One figure found in a row, with the names of the columns it came from (for error messages); the value is read from the row by <see cref="ValueIndex"/>.</summary>
internal readonly record struct Cell(
    string Indicator, string IndicatorColumn, string AreaCode, string AreaColumn, string AreaName, string AreaNameColumn,
    string Period, string PeriodColumn, int ValueIndex, string ValueColumn, bool Rounded, string? RegionCode);

/// <summary>
/// The CSV reader's current row. Text that repeats from row to row (indicator refs, area codes and names, periods,
/// filter values) comes back as one shared string, so a national file makes a few thousand strings, not millions,
/// and the importer can compare them by reference.
/// </summary>
internal sealed class CsvRow(CsvDataReader csv)
{
    private const int SharedLimit = 100_000; // bounds memory on a file whose texts never repeat
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private string[] _last = [];

    /// <summary>A field without the spaces around it.</summary>
    public ReadOnlySpan<char> Span(int ordinal) => csv.GetFieldSpan(ordinal).Trim();

    /// <summary>A field without the spaces around it, as a string shared with every other field of the same text.</summary>
    public string Text(int ordinal)
    {
        var span = Span(ordinal);
        if (ordinal >= _last.Length) Array.Resize(ref _last, ordinal + 1);
        if (_last[ordinal] is { } last && span.SequenceEqual(last)) return last;
        if (!_shared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out var text))
        {
            text = span.ToString();
            if (_shared.Count < SharedLimit) _shared[text] = text;
        }
        return _last[ordinal] = text;
    }
}

/// <summary>Reads the figures out of one row as the profile's layout says.</summary>
internal abstract class RowExtractor
{
    /// <returns>false when the row gives nothing: <paramref name="skipped"/> says whether it was simply not wanted (another geographic level, other filter values) rather than in error.</returns>
    public abstract bool Extract(CsvRow row, List<Cell> cells, out bool skipped, Action<string> error);

    public static RowExtractor For(ImportProfile profile, string[] header, string file, out List<string> errors)
    {
        errors = [];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
            if (!index.TryAdd(header[i], i)) errors.Add($"{file}:1: column \"{header[i]}\" appears twice.");
        var found = errors;
        int Need(string column)
        {
            if (index.TryGetValue(column, out var i)) return i;
            found.Add($"{file}:1: missing column \"{column}\" (profile {profile.Name}).");
            return -1;
        }
        int Maybe(string? column) => column is not null && index.TryGetValue(column, out var i) ? i : -1;
        List<MeasureColumns> Measures() => profile.Measures.Select(m => new MeasureColumns(
            m, Need(m.Column), m.Filters.Select(f => (Need(f.Key), f.Value)).ToArray(), m.RoundedLevels.ToHashSet(StringComparer.OrdinalIgnoreCase))).ToList();

        switch (profile.Layout)
        {
            case "long":
                foreach (var h in header.Where(h => !ImportProfile.LongColumns.Contains(h)))
                    errors.Add($"{file}:1: unknown column \"{h}\"; the long profile's columns are {string.Join(",", ImportProfile.LongColumns)}.");
                var l = ImportProfile.LongColumns.Select(Need).ToArray();
                return new ColumnsExtractor(l[0], "indicator", l[1], "area_code", l[2], "area_name", l[3], "period", l[4], "value", []);
            case "ees":
                var e = new EesExtractor(Need("time_period"), Need("time_identifier"), Need("geographic_level"),
                    Maybe("country_code"), Maybe("country_name"), Maybe("region_code"), Maybe("region_name"), Maybe("new_la_code"), Maybe("la_name"),
                    Measures());
                return e;
            default:
                var measures = profile.Measures.Count > 0 ? Measures() : [];
                return new ColumnsExtractor(
                    profile.Indicator is null ? -1 : Need(profile.Indicator), profile.Indicator ?? "",
                    Need(profile.AreaCode!), profile.AreaCode!, Maybe(profile.AreaName), profile.AreaName ?? "",
                    Need(profile.Period!), profile.Period!, profile.Value is null ? -1 : Need(profile.Value), profile.Value ?? "", measures);
        }
    }

    internal sealed record MeasureColumns(ProfileMeasure Measure, int Column, (int Column, string Value)[] Filters, HashSet<string> RoundedLevels)
    {
        public bool Matches(CsvRow row)
        {
            foreach (var (column, value) in Filters)
                if (!row.Span(column).SequenceEqual(value)) return false;
            return true;
        }
    }
}

internal sealed class ColumnsExtractor(
    int indicator, string indicatorName, int areaCode, string areaCodeName, int areaName, string areaNameName,
    int period, string periodName, int value, string valueName, List<RowExtractor.MeasureColumns> measures) : RowExtractor
{
    public override bool Extract(CsvRow row, List<Cell> cells, out bool skipped, Action<string> error)
    {
        skipped = false;
        var code = row.Text(areaCode);
        var name = areaName < 0 ? "" : row.Text(areaName);
        var p = row.Text(period);
        if (measures.Count == 0)
        {
            cells.Add(new Cell(row.Text(indicator), indicatorName, code, areaCodeName, name, areaNameName, p, periodName, value, valueName, false, null));
            return true;
        }
        foreach (var m in measures)
            if (m.Matches(row))
                cells.Add(new Cell(m.Measure.Indicator, "(profile)", code, areaCodeName, name, areaNameName, p, periodName, m.Column, m.Measure.Column, false, null));
        skipped = cells.Count == 0;
        return cells.Count > 0;
    }
}

/// <summary>
/// Explore Education Statistics tidy CSV: the area is the country, region or local authority named by
/// <c>geographic_level</c>; other levels are skipped. The period is <c>time_period</c> read by <c>time_identifier</c>.
/// </summary>
internal sealed class EesExtractor(
    int timePeriod, int timeIdentifier, int level, int countryCode, int countryName, int regionCode, int regionName, int laCode, int laName,
    List<RowExtractor.MeasureColumns> measures) : RowExtractor
{
    private readonly Dictionary<(string, string), string?> _periods = [];

    public override bool Extract(CsvRow row, List<Cell> cells, out bool skipped, Action<string> error)
    {
        skipped = false;
        var geographic = row.Text(level);
        var (codeColumn, nameColumn, codeName, nameName) = geographic switch
        {
            "National" => (countryCode, countryName, "country_code", "country_name"),
            "Regional" => (regionCode, regionName, "region_code", "region_name"),
            "Local authority" => (laCode, laName, "new_la_code", "la_name"),
            _ => (-2, -2, "", ""),
        };
        if (codeColumn == -2)
        {
            skipped = true;
            return false;
        }
        if (codeColumn < 0 || nameColumn < 0)
        {
            error($"column \"{codeName}\" or \"{nameName}\" is missing, so a {geographic} row cannot be placed.");
            return false;
        }
        var key = (row.Text(timePeriod), row.Text(timeIdentifier));
        if (!_periods.TryGetValue(key, out var period))
        {
            period = EesPeriod(key.Item1, key.Item2);
            if (_periods.Count < 10_000) _periods[key] = period;
        }
        if (period is null)
        {
            error($"columns \"time_period\" and \"time_identifier\": \"{key.Item1}\" \"{key.Item2}\" is not a period; expected e.g. 201516 Financial year, 201516 Academic year, 2015 Calendar year or 2016 Reporting year.");
            return false;
        }
        var region = geographic == "Local authority" && regionCode >= 0 ? row.Text(regionCode) : null;
        foreach (var m in measures)
            if (m.Matches(row))
                cells.Add(new Cell(m.Measure.Indicator, "(profile)", row.Text(codeColumn), codeName, row.Text(nameColumn), nameName,
                    period, "time_period", m.Column, m.Measure.Column, m.RoundedLevels.Contains(geographic), region));
        skipped = cells.Count == 0;
        return cells.Count > 0;
    }

    /// <summary>201516 Financial year → 2015/16; 201516 Academic year → AY 2015/16; 2015 Calendar year → 2015; 2016 Reporting year (year to 31 March 2016) → 2015/16.</summary>
    public static string? EesPeriod(string timePeriod, string identifier)
    {
        var digits = timePeriod.All(char.IsAsciiDigit);
        if (!digits) return null;
        return identifier.ToLowerInvariant() switch
        {
            "financial year" when timePeriod.Length == 6 => $"{timePeriod[..4]}/{timePeriod[4..]}",
            "academic year" when timePeriod.Length == 6 => $"AY {timePeriod[..4]}/{timePeriod[4..]}",
            "calendar year" when timePeriod.Length == 4 => timePeriod,
            "reporting year" when timePeriod.Length == 4 => $"{int.Parse(timePeriod, CultureInfo.InvariantCulture) - 1}/{timePeriod[2..]}",
            _ => null,
        };
    }
}
