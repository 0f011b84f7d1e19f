using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Organisations;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;

namespace Outturn.Application.Demo;

/// <summary>
/// Halton Children's Trust as its plans describe it: the council's directorates and services, and the partners the
/// 2014–17 Children and Young People's Plan names (NHS trusts and the CCG, the police, schools and colleges, the
/// voluntary sector). Plans, officers and their items are placed in the council's tree.
/// </summary>
public sealed class DemoOrganisations(OutturnDbContext db, OrganisationService organisations)
{
    /// <summary>The demo partner's officer, team and measure (see <see cref="DemoRounds"/> for her Quarter 3 draft).</summary>
    public const string PartnerOfficer = "Nina Patel", PartnerTeam = "NHS-BRIDGEWATER-0-19", PartnerMeasure = "SCS CYP15";

    public static string File => Path.Combine(AppContext.BaseDirectory, "Demo", "organisations.csv");

    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken ct = default)
    {
        var result = await organisations.ImportAsync(File, ct);
        if (!result.Succeeded) throw new InvalidOperationException("The demo organisations do not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
        var byRef = await db.Set<Organisation>().ToDictionaryAsync(o => o.Ref, o => o.Id, ct);

        // A partner's officer: the Trust's health visiting and school nursing service answers for the under-18
        // conception rate in the directorate's plan (school nurses lead on sexual health), so that measure is theirs.
        if (!await db.Officers.AnyAsync(o => o.Name == PartnerOfficer, ct))
            db.Officers.Add(new Officer { Name = PartnerOfficer, Initials = "NP", JobTitle = "Service Manager, Health Visiting and School Nursing", Organisation = "Bridgewater Community Healthcare NHS Trust", OrganisationId = byRef[PartnerTeam] });
        foreach (var measure in await db.Indicators.Where(i => i.Ref == PartnerMeasure && i.OrganisationId == null && db.Plans.Any(p => p.Id == i.PlanId && p.Ref == DemoRounds.PlanRef)).ToListAsync(ct))
            measure.OrganisationId = byRef[PartnerTeam];

        // Officers by the service their job title names; the rest of the council's officers to the council itself.
        foreach (var officer in await db.Officers.Where(o => o.OrganisationId == null).ToListAsync(ct))
        {
            var title = officer.JobTitle ?? "";
            officer.OrganisationId = title.Contains("(EIP)") || title.Contains("Inclusive Learning") || title.Contains("Disability") ? byRef["HBC-CYP-EIP"]
                : title.Contains("(CFS)") || title.Contains("Children & Families") ? byRef["HBC-CYP-CFS"]
                : title.Contains("(EEP)") ? byRef["HBC-CYP-EEP"]
                : officer.Organisation == "Halton Borough Council" ? byRef["HBC-CYP"] : null;
        }
        foreach (var plan in await db.Plans.Where(p => p.OrganisationId == null && p.Organisation == "Halton Borough Council").ToListAsync(ct))
            plan.OrganisationId = byRef["HBC-CYP"];
        await db.SaveChangesAsync(ct);

        // Items belong where their officer works, or to their plan's organisation.
        var officerOrg = await db.Officers.Where(o => o.OrganisationId != null).ToDictionaryAsync(o => o.Id, o => o.OrganisationId, ct);
        var planOrg = await db.Plans.ToDictionaryAsync(p => p.Id, p => p.OrganisationId, ct);
        int? Owner(int? officerId, int planId) => officerId is { } id && officerOrg.TryGetValue(id, out var o) ? o : planOrg[planId];
        foreach (var x in await db.Objectives.Where(x => x.OrganisationId == null).ToListAsync(ct)) x.OrganisationId = Owner(x.OfficerId, x.PlanId);
        foreach (var x in await db.Milestones.Where(x => x.OrganisationId == null).ToListAsync(ct)) x.OrganisationId = Owner(x.OfficerId, x.PlanId);
        foreach (var x in await db.Indicators.Where(x => x.OrganisationId == null).ToListAsync(ct)) x.OrganisationId = Owner(x.OfficerId, x.PlanId);
        await db.SaveChangesAsync(ct);
        return [result.Added == 0 && result.Changed == 0 ? "organisations: already held, left as it is." : $"organisations: {result.Added} added, {result.Changed} changed"];
    }
}
