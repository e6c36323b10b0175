package vn.thidua.projections.view;

import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.projections.View;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code campaigns}: one document per campaign, what a dashboard shows about it. */
public class CampaignView extends View {

    /** Sequence number of the campaign's last event applied (the version its commands answer with). */
    public long version = -1;
    public CampaignStatus status;
    public CampaignPlan plan;
    public String title;
    public String documentNumber;
    public String issuer;
    public String issuerLevel;
    /** The issuer's name folded, for the issuer filter. */
    public String issuerKey;
    /** Every calendar year the campaign's period touches. */
    public List<Integer> years = new ArrayList<>();
    /** Title, theme, motto, issuer and number folded for accent-insensitive search. */
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
    public Map<String, Integer> proposalsByStatus = new TreeMap<>();
    /** Awards by scheme id. */
    public Map<String, AwardTally> awardsByScheme = new TreeMap<>();
    /** Quota used and remaining by scheme id. */
    public Map<String, SchemeQuota> quotas = new TreeMap<>();

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
