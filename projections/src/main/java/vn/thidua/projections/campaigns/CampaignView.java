package vn.thidua.projections.campaigns;

import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.ReportKind;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.Internal;
import vn.thidua.projections.SearchText;
import vn.thidua.projections.VersionedView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** {@code campaigns}: one document per campaign, what a dashboard shows about it. */
public class CampaignView extends VersionedView {

    public static final String STATUS = "status";
    public static final String ISSUER_KEY = "issuerKey";
    public static final String YEARS = "years";
    public static final String SEARCH = "search";
    public static final String ISSUE_DATE = "plan.issueDate";

    /** {@link vn.thidua.projections.KeyIndex} keys (besides all and year): status; letters of issuer and text. */
    public static final String ISSUER_FIELD = "issuer";
    public static final String SEARCH_FIELD = "search";

    public static String statusKey(String status) {
        return "status:" + status;
    }

    public CampaignStatus status;
    public CampaignPlan plan;
    public String title;
    public String documentNumber;
    public String issuer;
    public String issuerLevel;
    /** The issuer's name folded, for the issuer filter. */
    @Internal
    public String issuerKey;
    /** Every calendar year the campaign's period touches. */
    public List<Integer> years = new ArrayList<>();
    /** Title, theme, motto, issuer and number folded for accent-insensitive search. */
    @Internal
    public String search;
    public Instant launchedAt;
    public String launchedBy;
    public List<Amendment> amendments = new ArrayList<>();
    public LocalDate concludedOn;
    public String conclusion;
    public LocalDate closedOn;
    public String closingNote;
    public Counts counts = new Counts();
    /** Proposals by their current status (SUBMITTED, RETURNED, …). */
    public ProposalCounts proposalsByStatus = new ProposalCounts();
    /** Awards by scheme id. */
    public Map<String, AwardTally> awardsByScheme = new TreeMap<>();
    /** Quota used and remaining by scheme id. */
    public Map<String, SchemeQuota> quotas = new TreeMap<>();
    /** Inspections by rating (EXCELLENT, GOOD, FAIR, POOR). */
    public Map<String, Integer> inspectionsByRating = new TreeMap<>();
    /** Reports by the plan's milestone id they answer: on time, late, and still overdue. */
    public Map<String, MilestoneReports> reportsByMilestone = new TreeMap<>();
    /** Awards by form, level and achievement year (the year of the achievement, not of the decision). */
    public List<AwardCount> awardCounts = new ArrayList<>();

    // ------------------------------------------------------------------ what happened to the campaign

    public void launched(CampaignPlan plan, Instant at, String by) {
        status = CampaignStatus.LAUNCHED;
        launchedAt = at;
        launchedBy = by;
        planned(plan);
    }

    public void amended(CampaignPlan plan, Instant at, String reason) {
        amendments.add(new Amendment(at, reason));
        planned(plan);
    }

    /** The plan in force: what lists and searches show, and each scheme's quota unless one has been allocated. */
    private void planned(CampaignPlan plan) {
        this.plan = plan;
        title = plan.title();
        documentNumber = plan.documentNumber();
        issuer = plan.issuer().name();
        issuerLevel = plan.issuer().level().code();
        issuerKey = SearchText.fold(plan.issuer().name());
        years = IntStream.rangeClosed(plan.period().start().getYear(), plan.period().end().getYear()).boxed()
                .toList();
        search = SearchText.of(plan.title(), plan.theme(), plan.motto(), plan.issuer().name(),
                plan.documentNumber());
        for (AwardScheme scheme : plan.awardSchemes()) {
            SchemeQuota q = quota(scheme.schemeId());
            q.form = scheme.form();
            awardsByScheme.computeIfAbsent(scheme.schemeId(), id -> new AwardTally());
            if (q.allocationReference == null && scheme.quota() != null) {
                q.pending = scheme.quota().pending();
                q.collectives.set(scheme.quota().collectives(), q.collectives.used);
                q.individuals.set(scheme.quota().individuals(), q.individuals.used);
            }
        }
    }

    public void quotaAllocated(String schemeId, int collectives, int individuals, String reference) {
        SchemeQuota q = quota(schemeId);
        q.pending = false;
        q.allocationReference = reference;
        q.collectives.set(collectives, q.collectives.used);
        q.individuals.set(individuals, q.individuals.used);
    }

    /** An award was granted or revoked: the bucket's use and limit as the campaign now counts them. */
    public void quotaUsed(String schemeId, QuotaBucket bucket, int limit, int used) {
        SchemeQuota q = quota(schemeId);
        (bucket == QuotaBucket.COLLECTIVES ? q.collectives : q.individuals).set(limit, used);
    }

    private SchemeQuota quota(String schemeId) {
        return quotas.computeIfAbsent(schemeId, id -> new SchemeQuota());
    }

    public void participantRegistered() {
        counts.participants++;
    }

    /** @param unitsFirst the unit had pledged no work until now */
    public void workPledged(boolean late, boolean unitsFirst) {
        counts.pledgedWorks++;
        if (late) {
            counts.lateWorks++;
        }
        if (unitsFirst) {
            counts.unitsWithWorks++;
        }
    }

    public void inspected(InspectionRating rating) {
        counts.inspections++;
        inspectionsByRating.merge(String.valueOf(rating), 1, Integer::sum);
    }

    /**
     * @param unitCaughtUp the report was the unit's last overdue one
     * @param wasOverdue   the unit's report for this milestone had been recorded overdue
     * @param unitsFirst   the unit had submitted no report until now
     */
    public void reportSubmitted(ReportKind kind, String milestoneId, boolean late, boolean unitCaughtUp,
                                boolean wasOverdue, boolean unitsFirst) {
        MilestoneReports reports = reportsByMilestone.computeIfAbsent(milestoneId, id -> new MilestoneReports());
        if (late) {
            reports.late++;
        } else {
            reports.onTime++;
        }
        if (wasOverdue) {
            reports.overdue--;
        }
        if (unitsFirst) {
            counts.unitsReported++;
        }
        boolean interim = kind == ReportKind.INTERIM;
        if (interim && late) {
            counts.interimReportsLate++;
        } else if (interim) {
            counts.interimReportsOnTime++;
        } else if (late) {
            counts.finalReportsLate++;
        } else {
            counts.finalReportsOnTime++;
        }
        if (unitCaughtUp) {
            counts.overdueUnits--;
        }
    }

    /** @param unitFirstOverdue the unit had no report overdue until now */
    public void reportOverdue(String milestoneId, boolean unitFirstOverdue) {
        reportsByMilestone.computeIfAbsent(milestoneId, id -> new MilestoneReports()).overdue++;
        counts.overdueReports++;
        if (unitFirstOverdue) {
            counts.overdueUnits++;
        }
    }

    public void concluded(LocalDate on, String summary) {
        status = CampaignStatus.CONCLUDED;
        concludedOn = on;
        conclusion = summary;
    }

    public void closed(LocalDate on, String note) {
        status = CampaignStatus.CLOSED;
        closedOn = on;
        closingNote = note;
    }

    // ------------------------------------------------------------------ what happened to its proposals

    public void proposalSubmitted() {
        proposalsByStatus.submitted();
    }

    /** One proposal moved from one status to another: the count by status follows. */
    public void proposalMoved(ProposalStatus from, ProposalStatus to) {
        proposalsByStatus.moved(from, to);
    }

    /** An award of {@code schemeId}, whose terms were {@code form} at {@code level}, for {@code achievementYear}. */
    public void awardGranted(String schemeId, String form, Level level, int achievementYear) {
        AwardTally tally = awardsByScheme.computeIfAbsent(schemeId, id -> new AwardTally());
        tally.granted++;
        tally.inForce++;
        awardCount(form, level, achievementYear).granted++;
    }

    public void awardRevoked(String schemeId, String form, Level level, int achievementYear) {
        AwardTally tally = awardsByScheme.computeIfAbsent(schemeId, id -> new AwardTally());
        tally.revoked++;
        tally.inForce--;
        awardCount(form, level, achievementYear).revoked++;
    }

    /** The count of its form, level and year, kept in that order (one state, one list). */
    private AwardCount awardCount(String form, Level level, int achievementYear) {
        AwardCount key = new AwardCount();
        key.form = form;
        key.level = level;
        key.achievementYear = achievementYear;
        int at = 0;
        while (at < awardCounts.size() && AwardCount.ORDER.compare(awardCounts.get(at), key) < 0) {
            at++;
        }
        if (at < awardCounts.size() && AwardCount.ORDER.compare(awardCounts.get(at), key) == 0) {
            return awardCounts.get(at);
        }
        awardCounts.add(at, key);
        return key;
    }

    public record Amendment(Instant at, String reason) {
    }

    public static class Counts {
        public int participants;
        public int pledgedWorks;
        public int lateWorks;
        public int inspections;
        public int interimReportsOnTime;
        public int interimReportsLate;
        public int finalReportsOnTime;
        public int finalReportsLate;
        /** Overdue reports ever recorded. */
        public int overdueReports;
        /** Units with at least one report still overdue. */
        public int overdueUnits;
        /** Units that have pledged at least one work. */
        public int unitsWithWorks;
        /** Units that have submitted at least one report. */
        public int unitsReported;
    }

    public static class MilestoneReports {
        public int onTime;
        public int late;
        /** Recorded overdue and not submitted since. */
        public int overdue;
    }

    public static class AwardCount {
        static final Comparator<AwardCount> ORDER = Comparator.<AwardCount>comparingInt(c -> c.achievementYear)
                .thenComparing(c -> String.valueOf(c.form))
                .thenComparing(c -> c.level == null ? "" : c.level.code());

        public String form;
        public Level level;
        public int achievementYear;
        public int granted;
        public int revoked;
    }

    public static class AwardTally {
        public int granted;
        public int revoked;
        public int inForce;
    }

    public static class SchemeQuota {
        public String form;
        /** True while the plan says the quota is still to be allocated. */
        public boolean pending;
        public String allocationReference;
        public Bucket collectives = new Bucket();
        public Bucket individuals = new Bucket();
    }

    public static class Bucket {
        /** Null when the plan sets no limit (or it is still pending). */
        public Integer limit;
        public int used;
        public Integer remaining;

        public void set(Integer newLimit, int newUsed) {
            limit = newLimit;
            used = newUsed;
            remaining = newLimit == null ? null : Math.max(0, newLimit - newUsed);
        }
    }
}
