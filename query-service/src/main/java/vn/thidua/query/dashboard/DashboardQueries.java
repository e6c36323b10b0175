package vn.thidua.query.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.campaigns.CampaignFigures;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.participants.ParticipantView.FollowUp;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.query.api.Page;
import vn.thidua.query.api.PageRequest;
import vn.thidua.query.api.ReadModelQueries;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The dashboards' questions, each answered by one indexed read: a campaign's document by id; a key's entries in the
 * key index, whose values the read models wrote for these questions ({@link CampaignFigures}, the proposals' waiting
 * keys), added up here; the units to follow up as a page of a key's documents. Nothing scans a collection, and every
 * answer states the position it reflects ({@link Freshness}, read first).
 */
@Component
public class DashboardQueries {

    /** The widest range of achievement years one awards answer covers. */
    public static final int MAX_YEARS = 50;
    /** Age groups of waiting proposals, in days waited: up to 7, 30, 90, and more. */
    static final int[] AGE_LIMITS = {7, 30, 90};

    /**
     * How many campaigns' parsed entries are kept. An entry's text is its value, so a parsed entry stays true for as
     * long as the same text is read; a changed campaign writes another text, and the old one ages out. With them kept,
     * an answer across campaigns reads and adds; parsing every entry again was a third of its time (2,300 campaigns:
     * read 5 ms, parse 3 ms). About 1 KB each with its text; beyond this many campaigns, the rest is parsed per answer.
     */
    static final int PARSED_ENTRIES = 20_000;

    private final MongoDatabase database;
    private final Freshness freshness;
    private final ReadModelQueries queries;
    private final Cache<String, CampaignFigures.Figures> parsedFigures = Caffeine.newBuilder()
            .maximumSize(PARSED_ENTRIES).build();
    private final Cache<String, CampaignFigures.Awards> parsedAwards = Caffeine.newBuilder()
            .maximumSize(PARSED_ENTRIES).build();

    public DashboardQueries(MongoDatabase database, Freshness freshness, ReadModelQueries queries) {
        this.database = database;
        this.freshness = freshness;
        this.queries = queries;
    }

    public Optional<CampaignDashboard> campaign(String campaignId) {
        Reflects reflects = freshness.now();
        return queries.byId(ReadModels.CAMPAIGNS, campaignId, CampaignView.class)
                .map(c -> CampaignDashboard.of(c, DomainClock.today(), reflects));
    }

    public boolean exists(String campaignId) {
        return queries.exists(ReadModels.CAMPAIGNS, campaignId);
    }

    /** A unit to follow up: why, and what it has done so far. */
    public record FollowUpUnit(String unitId, String unitName, List<String> reasons, List<String> reasonLabels,
                               List<ParticipantView.Overdue> overdue, int works, int reports, int inspections) {

        static FollowUpUnit of(ParticipantView p) {
            List<FollowUp> reasons = p.followUps();
            return new FollowUpUnit(p.unitId, p.unitName, reasons.stream().map(Enum::name).toList(),
                    reasons.stream().map(FollowUp::label).toList(), p.overdue, p.works.size(), p.reports.size(),
                    p.inspections.size());
        }
    }

    public record FollowUpPage(String campaignId, String reason, Page<FollowUpUnit> units, Reflects reflects) {
    }

    /**
     * The campaign's units to follow up (for {@code reason}, or any), in the order of unit ids; {@code onlyUnit}: a
     * UNIT user's own unit, the one it may see.
     */
    public FollowUpPage followUp(String campaignId, FollowUp reason, String onlyUnit, PageRequest page) {
        Reflects reflects = freshness.now();
        List<String> listed = KeyIndex.entries(database, ReadModels.PARTICIPANTS,
                ParticipantView.followUpKey(campaignId, reason)).stream().map(KeyIndex::idOf).toList();
        String own = onlyUnit == null ? null : ReadModels.participantId(campaignId, onlyUnit);
        List<String> ids = own == null ? listed : listed.stream().filter(own::equals).toList();
        int from = (int) Math.min(ids.size(), (long) page.page() * page.size());
        List<String> slice = ids.subList(from, Math.min(ids.size(), from + page.size()));
        List<FollowUpUnit> units = queries.documents(ReadModels.PARTICIPANTS, slice, ParticipantView.class).stream()
                .map(FollowUpUnit::of).toList();
        return new FollowUpPage(campaignId, reason == null ? null : reason.name(),
                new Page<>(units, page.page(), page.size(), ids.size()), reflects);
    }

    public record Group<K>(K key, Totals totals) {
    }

    public record Statistics(CampaignFilter filter, Totals totals, List<Group<String>> byIssuer,
                             List<Group<String>> byLevel, List<Group<Integer>> byYear, Reflects reflects) {
    }

    /** Campaigns' figures added up, in all and per issuer, issuer level and year (a year the period touches). */
    public Statistics statistics(CampaignFilter filter) {
        Reflects reflects = freshness.now();
        Predicate<CampaignFigures.Classification> counted = filter.counts();
        Totals all = new Totals();
        Map<String, Totals> byIssuer = new TreeMap<>();
        Map<String, Totals> byLevel = new TreeMap<>();
        Map<Integer, Totals> byYear = new TreeMap<>();
        for (String entry : statisticsEntries(filter)) {
            CampaignFigures.Figures figures = figures(entry);
            if (!counted.test(figures.of())) {
                continue;
            }
            all.add(figures);
            byIssuer.computeIfAbsent(String.valueOf(figures.of().issuer()), k -> new Totals()).add(figures);
            byLevel.computeIfAbsent(String.valueOf(figures.of().level()), k -> new Totals()).add(figures);
            for (int year : figures.of().years()) {
                if (filter.year() == null || filter.year() == year) {
                    byYear.computeIfAbsent(year, k -> new Totals()).add(figures);
                }
            }
        }
        return new Statistics(filter, all, groups(byIssuer), groups(byLevel), groups(byYear), reflects);
    }

    /** The campaigns' entries a filter's answer reads: those of its year, or every campaign's. */
    private List<String> statisticsEntries(CampaignFilter filter) {
        String key = filter.year() == null ? CampaignFigures.STATISTICS : CampaignFigures.statisticsKey(filter.year());
        return KeyIndex.entriesInAnyOrder(database, ReadModels.CAMPAIGNS, key);
    }

    /** A campaign's figures from its entry under a statistics key, parsed once per text. */
    private CampaignFigures.Figures figures(String entry) {
        return parsedFigures.get(entry, e -> CampaignFigures.figures(KeyIndex.orderOf(e)));
    }

    private static <K> List<Group<K>> groups(Map<K, Totals> totals) {
        List<Group<K>> groups = new ArrayList<>();
        totals.forEach((key, value) -> groups.add(new Group<>(key, value)));
        return groups;
    }

    private record AwardCell(int year, String form, String level) {
        static final Comparator<AwardCell> ORDER = Comparator.comparingInt(AwardCell::year)
                .thenComparing(c -> String.valueOf(c.form())).thenComparing(c -> String.valueOf(c.level()));
    }

    public record AwardRow(int achievementYear, String form, String level, int granted, int revoked, int inForce) {
    }

    public record YearTotal(int achievementYear, int granted, int revoked, int inForce) {
    }

    public record AwardStatistics(CampaignFilter filter, int fromYear, int toYear, List<AwardRow> rows,
                                  List<YearTotal> byYear, int granted, int revoked, int inForce, Reflects reflects) {
    }

    /**
     * Awards by form × level × achievement year for the years {@code from}–{@code to}, with revocations, of the
     * campaigns {@code filter} lets through (its year, if any, is the campaign's period; these years are the
     * achievements').
     */
    public AwardStatistics awards(CampaignFilter filter, int from, int to) {
        Reflects reflects = freshness.now();
        List<String> keys = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            keys.add(CampaignFigures.awardsKey(year));
        }
        Map<AwardCell, int[]> cells = new TreeMap<>(AwardCell.ORDER);
        Map<Integer, int[]> years = new TreeMap<>();
        Predicate<CampaignFigures.Classification> counted = filter.counts();
        for (List<String> entries : KeyIndex.entriesByKey(database, ReadModels.CAMPAIGNS, keys).values()) {
            for (String entry : entries) {
                CampaignFigures.Awards awards = parsedAwards.get(entry,
                        e -> CampaignFigures.awards(KeyIndex.orderOf(e)));
                if (!counted.test(awards.of())) {
                    continue;
                }
                for (CampaignView.AwardCount count : awards.awards()) {
                    AwardCell cell = new AwardCell(count.achievementYear, count.form,
                            count.level == null ? null : count.level.code());
                    int[] sums = cells.computeIfAbsent(cell, k -> new int[2]);
                    sums[0] += count.granted;
                    sums[1] += count.revoked;
                    int[] year = years.computeIfAbsent(count.achievementYear, k -> new int[2]);
                    year[0] += count.granted;
                    year[1] += count.revoked;
                }
            }
        }
        List<AwardRow> rows = new ArrayList<>();
        cells.forEach((cell, sums) -> rows.add(new AwardRow(cell.year(), cell.form(), cell.level(), sums[0], sums[1],
                sums[0] - sums[1])));
        List<YearTotal> byYear = new ArrayList<>();
        int granted = 0;
        int revoked = 0;
        for (Map.Entry<Integer, int[]> year : years.entrySet()) {
            int[] sums = year.getValue();
            byYear.add(new YearTotal(year.getKey(), sums[0], sums[1], sums[0] - sums[1]));
            granted += sums[0];
            revoked += sums[1];
        }
        return new AwardStatistics(filter, from, to, rows, byYear, granted, revoked, granted - revoked, reflects);
    }

    public record StepWaiting(String status, String label, int count, LocalDate oldestSince, Long longestDays,
                              Double averageDays, Map<String, Integer> byAge) {
    }

    public record Waiting(String campaignId, CampaignFilter filter, LocalDate today, int total,
                          List<StepWaiting> steps, Reflects reflects) {
    }

    /**
     * Proposals waiting per step (every campaign's, or one's), how many, since when and how long; across campaigns,
     * those of the campaigns {@code filter} lets through (their figures read first: one more read of the index).
     */
    public Waiting waiting(String campaignId, CampaignFilter filter) {
        Reflects reflects = freshness.now();
        Set<String> campaigns = null;
        if (campaignId == null && filter != null && !filter.isEmpty()) {
            campaigns = new HashSet<>();
            Predicate<CampaignFigures.Classification> counted = filter.counts();
            for (String entry : statisticsEntries(filter)) {
                if (counted.test(figures(entry).of())) {
                    campaigns.add(KeyIndex.idOf(entry));
                }
            }
        }
        LocalDate today = DomainClock.today();
        Map<String, ProposalStatus> byKey = new LinkedHashMap<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            if (status.undecided()) {
                byKey.put(ProposalView.waitingKey(campaignId, status), status);
            }
        }
        Map<String, List<String>> entries = KeyIndex.entriesByKey(database, ReadModels.PROPOSALS,
                byKey.keySet());
        List<StepWaiting> steps = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, ProposalStatus> step : byKey.entrySet()) {
            Map<String, Integer> byAge = new LinkedHashMap<>();
            for (int i = 0; i <= AGE_LIMITS.length; i++) {
                byAge.put(ageGroup(i), 0);
            }
            LocalDate oldest = null;
            long days = 0;
            int count = 0;
            for (String entry : entries.get(step.getKey())) {
                String value = KeyIndex.orderOf(entry);
                if (campaigns != null && !campaigns.contains(ProposalView.waitingCampaign(value))) {
                    continue;
                }
                LocalDate since = ProposalView.waitingSince(value);
                long waited = Math.max(0, since.until(today, ChronoUnit.DAYS));
                oldest = oldest == null || since.isBefore(oldest) ? since : oldest;
                days += waited;
                count++;
                byAge.merge(ageGroup(group(waited)), 1, Integer::sum);
            }
            ProposalStatus status = step.getValue();
            steps.add(new StepWaiting(status.name(), status.label(), count, oldest,
                    oldest == null ? null : Math.max(0, oldest.until(today, ChronoUnit.DAYS)),
                    count == 0 ? null : (double) days / count, byAge));
            total += count;
        }
        return new Waiting(campaignId, filter, today, total, steps, reflects);
    }

    private static int group(long waited) {
        for (int i = 0; i < AGE_LIMITS.length; i++) {
            if (waited <= AGE_LIMITS[i]) {
                return i;
            }
        }
        return AGE_LIMITS.length;
    }

    /** "0-7", "8-30", "31-90", "91+" (days). */
    static String ageGroup(int index) {
        int low = index == 0 ? 0 : AGE_LIMITS[index - 1] + 1;
        return index == AGE_LIMITS.length ? low + "+" : low + "-" + AGE_LIMITS[index];
    }
}
