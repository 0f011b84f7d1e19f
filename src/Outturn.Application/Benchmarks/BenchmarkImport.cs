using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;

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

    /// <summary>Rows written per batch on SQLite (PostgreSQL streams each row to the server as it is read).</summary>
    public const int BatchRows = SqliteWriter.BatchRows;

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

    /// <param name="progress">Called after each batch is written with (lines read, rows written): lets a test see that the file is streamed.</param>
    public async Task<BenchmarkImportResult> ImportAsync(ImportProfile profile, TextReader reader, string file, CancellationToken ct = default, Action<long, long>? progress = null)
    {
        var problems = profile.Problems();
        if (problems.Count > 0) return Rejected(file, profile.Name, [.. problems.Select(p => $"profile {profile.Name}: {p}")]);

        var indicatorRefs = (await db.Indicators.Select(i => i.Ref).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var areas = await db.Set<Area>().AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false, IgnoreBlankLines = true, BadDataFound = null, TrimOptions = TrimOptions.None, CacheFields = true,
        };
        using var parser = new CsvParser(reader, config);
        var errors = new List<string>();
        long errorCount = 0;
        void Error(string message)
        {
            errorCount++;
            if (errors.Count < MaxErrorsListed) errors.Add(message);
        }

        if (!parser.Read()) return Rejected(file, profile.Name, $"{file}:1: empty file; expected a header row.");
        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        var extractor = RowExtractor.For(profile, header, file, out var headerErrors);
        if (headerErrors.Count > 0) return Rejected(file, profile.Name, [.. headerErrors]);

        var warnings = new List<string>();
        var added = new Dictionary<string, Area>(StringComparer.Ordinal);
        var namesInFile = new Dictionary<string, (string Name, long Line)>(StringComparer.Ordinal);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        var periods = new Dictionary<string, string?>(StringComparer.Ordinal);
        var wellFormed = new HashSet<string>(StringComparer.Ordinal); // codes already checked (bounded)
        string? lastIndicator = null, lastArea = null, lastAreaName = null;
        long rows = 0, suppressed = 0, skipped = 0;
        var cells = new List<Cell>(4);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var writer = await BenchmarkWriter.OpenAsync(db, file, ct);
        var lastRawRow = (long)parser.RawRow;
        long line = 0;
        Action<string> rowError = m => Error($"{file}:{line}: {m}");
        try
        {
            while (parser.Read())
            {
                ct.ThrowIfCancellationRequested();
                line = lastRawRow + 1;
                lastRawRow = parser.RawRow;
                var record = parser.Record!;
                if (record.Length != header.Length)
                {
                    Error($"{file}:{line}: {record.Length} fields where the header has {header.Length}.");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(record[0]) && record.All(string.IsNullOrWhiteSpace)) continue;

                cells.Clear();
                if (!extractor.Extract(record, cells, out var skipReason, rowError))
                {
                    if (skipReason) skipped++;
                    continue;
                }
                foreach (var c in cells)
                {
                    var ok = true;
                    // Published files repeat the same indicator, area and name row after row, and the parser hands out
                    // the same string instances for repeated fields: a row like the last good one needs no lookups.
                    var sameIndicator = ReferenceEquals(c.Indicator, lastIndicator);
                    var sameArea = ReferenceEquals(c.AreaCode, lastArea) && ReferenceEquals(c.AreaName, lastAreaName);
                    if (!sameIndicator && !indicatorRefs.Contains(c.Indicator))
                    {
                        Error($"{file}:{line}: column \"{c.IndicatorColumn}\": \"{c.Indicator}\" is not an indicator Outturn holds; import the plan that defines it first.");
                        ok = false;
                    }
                    if (sameArea) { }
                    else if (!wellFormed.Contains(c.AreaCode) && !(AreaCodes.IsWellFormed(c.AreaCode) && (wellFormed.Count > 100_000 || wellFormed.Add(c.AreaCode))))
                    {
                        Error($"{file}:{line}: column \"{c.AreaColumn}\": \"{c.AreaCode}\" is not an area code; expected a GSS code such as E06000006 (E92000001 England, E12… regions).");
                        ok = false;
                    }
                    else if (!string.IsNullOrEmpty(c.AreaName))
                    {
                        if (namesInFile.TryGetValue(c.AreaCode, out var first))
                        {
                            if (first.Name != c.AreaName)
                            {
                                Error($"{file}:{line}: column \"{c.AreaNameColumn}\": {c.AreaCode} is named \"{c.AreaName}\" here but \"{first.Name}\" at line {first.Line}; a code has one name within a file.");
                                ok = false;
                            }
                        }
                        else
                        {
                            namesInFile[c.AreaCode] = (c.AreaName, line);
                            if (areas.TryGetValue(c.AreaCode, out var known))
                            {
                                if (known.Name != c.AreaName && warned.Add(c.AreaCode))
                                    warnings.Add($"{file}:{line}: {c.AreaCode} is named \"{c.AreaName}\" in the file but held as \"{known.Name}\"; the held name is kept.");
                            }
                            else
                            {
                                added[c.AreaCode] = new Area
                                {
                                    Code = c.AreaCode, Name = c.AreaName, Kind = AreaCodes.KindOf(c.AreaCode),
                                    RegionCode = AreaCodes.KindOf(c.AreaCode) == AreaKind.Authority ? c.RegionCode : null,
                                };
                            }
                        }
                    }
                    else if (!areas.ContainsKey(c.AreaCode) && !added.ContainsKey(c.AreaCode))
                    {
                        Error($"{file}:{line}: column \"{c.AreaNameColumn}\": {c.AreaCode} is not a known area, so its name is needed.");
                        ok = false;
                    }

                    if (!periods.TryGetValue(c.Period, out var period))
                        periods[c.Period] = period = Domain.Periods.Period.TryParse(c.Period, out var p) ? p.ToString() : null;
                    if (period is null)
                    {
                        Error($"{file}:{line}: column \"{c.PeriodColumn}\": \"{c.Period}\" is not a period. Accepted forms: {Domain.Periods.Period.AcceptedForms}.");
                        ok = false;
                    }

                    decimal? value = null;
                    string? suppression = null;
                    var text = c.Value.Trim();
                    if (Suppression.IsCode(text)) suppression = text;
                    else if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                             && Math.Abs(number) < 1_000_000_000_000m)
                    {
                        // Stored to six decimal places; the file's own text is kept when it needs no rounding.
                        value = Math.Round(number, 6, MidpointRounding.AwayFromZero);
                        if (number.Scale > 6 || text[0] == '+') text = value.Value.ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Error($"{file}:{line}: column \"{c.ValueColumn}\": \"{text}\" is not a number or a suppression code ({Suppression.Accepted}).");
                        ok = false;
                    }

                    if (!ok || errorCount > 0) continue;
                    (lastIndicator, lastArea, lastAreaName) = (c.Indicator, c.AreaCode, c.AreaName);
                    rows++;
                    if (suppression is not null) suppressed++;
                    if (await writer.AddAsync(new BenchmarkRow(line, c.Indicator, c.AreaCode, period!, value, value is null ? null : text, suppression, c.Rounded), ct))
                        progress?.Invoke(line, writer.Written);
                }
            }
        }
        catch (CsvHelperException ex)
        {
            Error($"{file}:{parser.RawRow}: not valid CSV ({ex.GetType().Name}).");
        }

        if (errorCount > 0)
        {
            if (errorCount > errors.Count) errors.Add($"{file}: … and {errorCount - errors.Count} more errors.");
            await writer.CancelAsync();
            await tx.RollbackAsync(ct);
            return new BenchmarkImportResult(false, file, profile.Name, 0, 0, skipped, errors, warnings, []);
        }

        await writer.CompleteAsync(ct);
        progress?.Invoke(lastRawRow, writer.Written);
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
    }

    private static BenchmarkImportResult Rejected(string file, string profile, params string[] errors) =>
        new(false, file, profile, 0, 0, 0, errors, [], []);
}

/// <summary>One figure found in a row, with the names of the columns it came from (for error messages).</summary>
internal readonly record struct Cell(
    string Indicator, string IndicatorColumn, string AreaCode, string AreaColumn, string AreaName, string AreaNameColumn,
    string Period, string PeriodColumn, string Value, string ValueColumn, bool Rounded, string? RegionCode);

/// <summary>Reads the figures out of one row as the profile's layout says.</summary>
internal abstract class RowExtractor
{
    /// <returns>false when the row gives nothing: <paramref name="skipped"/> says whether it was simply not wanted (another geographic level, other filter values) rather than in error.</returns>
    public abstract bool Extract(string[] record, List<Cell> cells, out bool skipped, Action<string> error);

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
        public bool Matches(string[] record) => Filters.All(f => record[f.Column].Trim() == f.Value);
    }
}

internal sealed class ColumnsExtractor(
    int indicator, string indicatorName, int areaCode, string areaCodeName, int areaName, string areaNameName,
    int period, string periodName, int value, string valueName, List<RowExtractor.MeasureColumns> measures) : RowExtractor
{
    public override bool Extract(string[] record, List<Cell> cells, out bool skipped, Action<string> error)
    {
        skipped = false;
        var code = record[areaCode].Trim();
        var name = areaName < 0 ? "" : record[areaName].Trim();
        var p = record[period].Trim();
        if (measures.Count == 0)
        {
            cells.Add(new Cell(record[indicator].Trim(), indicatorName, code, areaCodeName, name, areaNameName, p, periodName, record[value], valueName, false, null));
            return true;
        }
        foreach (var m in measures.Where(m => m.Matches(record)))
            cells.Add(new Cell(m.Measure.Indicator, "(profile)", code, areaCodeName, name, areaNameName, p, periodName, record[m.Column], m.Measure.Column, false, null));
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
    public override bool Extract(string[] record, List<Cell> cells, out bool skipped, Action<string> error)
    {
        skipped = false;
        var geographic = record[level].Trim();
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
        var period = EesPeriod(record[timePeriod].Trim(), record[timeIdentifier].Trim());
        if (period is null)
        {
            error($"columns \"time_period\" and \"time_identifier\": \"{record[timePeriod].Trim()}\" \"{record[timeIdentifier].Trim()}\" is not a period; expected e.g. 201516 Financial year, 201516 Academic year, 2015 Calendar year or 2016 Reporting year.");
            return false;
        }
        var region = geographic == "Local authority" && regionCode >= 0 ? record[regionCode].Trim() : null;
        foreach (var m in measures.Where(m => m.Matches(record)))
            cells.Add(new Cell(m.Measure.Indicator, "(profile)", record[codeColumn].Trim(), codeName, record[nameColumn].Trim(), nameName,
                period, "time_period", record[m.Column], m.Measure.Column, m.RoundedLevels.Contains(geographic), region));
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
