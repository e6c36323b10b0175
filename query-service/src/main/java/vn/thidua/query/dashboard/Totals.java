package vn.thidua.query.dashboard;

import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.campaigns.CampaignFigures;

import java.util.Map;
import java.util.TreeMap;

/** Campaigns' figures added up: one group of a statistics answer (all, an issuer, a level or a year). */
public final class Totals {

    public int campaigns;
    public int participants;
    public int unitsWithWorks;
    public int pledgedWorks;
    public int lateWorks;
    public int inspections;
    public int reportsOnTime;
    public int reportsLate;
    public int overdueReports;
    public int overdueUnits;
    /** Proposals by current status. */
    public final Map<String, Integer> proposals = new TreeMap<>();
    /** Proposals still undecided. */
    public int proposalsWaiting;
    public int awardsGranted;
    public int awardsRevoked;
    /** Campaigns by status (LAUNCHED, CONCLUDED, CLOSED). */
    public final Map<String, Integer> campaignsByStatus = new TreeMap<>();

    void add(CampaignFigures.Figures f) {
        campaigns++;
        campaignsByStatus.merge(String.valueOf(f.of().status()), 1, Integer::sum);
        participants += f.participants();
        unitsWithWorks += f.unitsWithWorks();
        pledgedWorks += f.pledgedWorks();
        lateWorks += f.lateWorks();
        inspections += f.inspections();
        reportsOnTime += f.reportsOnTime();
        reportsLate += f.reportsLate();
        overdueReports += f.overdueReports();
        overdueUnits += f.overdueUnits();
        f.proposals().forEach((status, count) -> {
            proposals.merge(status, count, Integer::sum);
            if (ProposalStatus.valueOf(status).undecided()) {
                proposalsWaiting += count;
            }
        });
        awardsGranted += f.awardsGranted();
        awardsRevoked += f.awardsRevoked();
    }
}
