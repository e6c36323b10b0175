package vn.thidua.domain.common;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every bound on what a command may carry, in one place. An input over a bound is refused with its own code before
 * anything is recorded; the numbers are generous for real plans and proposals and small enough that no event, and no
 * read-model document built from events, can grow without limit.
 */
public final class Limits {

    /** Ids (campaign, unit, work, milestone, scheme, …): letters, digits and {@code . _ : -}, starting with a letter or digit. */
    public static final int ID_MAX_LENGTH = 64;
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** Names, titles, numbers of documents, places, signers: one line. */
    public static final int SHORT_TEXT_MAX_LENGTH = 500;
    /** Descriptions, summaries, findings, reasons, opinions, notes: a few pages at most. */
    public static final int LONG_TEXT_MAX_LENGTH = 10_000;
    /** The fields that hold long text; every other string is short. */
    public static final Set<String> LONG_TEXT_FIELDS = Set.of("reason", "description", "findings", "summary",
            "achievementSummary", "opinion", "note", "explanation", "theme", "motto");

    /** Items of any list in a command (milestones, schemes, documents, recipients, …) unless named below. */
    public static final int LIST_MAX_ITEMS = 100;
    /** Lists with a bound of their own. */
    public static final Map<String, Integer> LIST_MAX_ITEMS_BY_FIELD = Map.of("pledgedWorks", 50);

    /** What one unit, or one campaign, may accumulate: keeps aggregates and read-model documents bounded. */
    public static final int WORKS_PER_UNIT = 100;
    public static final int INSPECTIONS_PER_UNIT = 100;
    public static final int REPORTS_PER_UNIT = 100;
    public static final int AMENDMENTS_PER_CAMPAIGN = 100;
    public static final int PARTICIPANTS_PER_CAMPAIGN = 20_000;
    public static final int PROPOSALS_PER_CAMPAIGN = 20_000;

    /** Numbers. */
    public static final int QUOTA_MAX = 100_000;
    public static final int COPIES_MAX = 100;
    public static final int COUNCIL_MEMBERS_MAX = 1_000;
    /** An approval threshold is a ratio with at most this many decimal places (0.6667). */
    public static final int RATIO_MAX_SCALE = 4;

    /** Any date: from the founding of the state to a far but finite future. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1945, 9, 2);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    /** A plan's period and milestones lie within this many years before and after its issue date. */
    public static final int PLAN_YEARS_BEFORE_ISSUE = 2;
    public static final int PLAN_YEARS_AFTER_ISSUE = 10;

    private Limits() {
    }
}
