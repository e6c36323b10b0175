package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' API against the demo, every figure computed here independently, from the scenario file and the
 * seed plans (not from any read model): per campaign the participation, inspections by rating, reports per
 * milestone, the proposal funnel, quota use per scheme, the units overdue (after the report deadlines that passed
 * have fired) and to follow up; across campaigns the totals per issuer, level and year, awards by form × level ×
 * achievement year with revocations, and proposals waiting per step; who may ask, and bad parameters refused.
 */
class DashboardApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Standalone platform;
    static Api api;
    static Scenario scenario;

    @BeforeAll
    static void start() throws IOException {
        // the deadlines run here (JobRunr polls every 5 s): the report deadlines that passed record the units overdue
        platform = Standalone.start("--thidua.data-dir=" + data, "--thidua.command-port=0", "--thidua.query-port=0",
                "--thidua.mongo-port=0", "--demo");
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        api = new Api(platform.queryPort());
        scenario = Scenario.load();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** What the scenario makes of one campaign, step by step. */
    static final class Expected {
        String status = "LAUNCHED";
        JsonNode plan;
        final Set<String> units = new TreeSet<>();
        final Set<String> unitsWithWorks = new TreeSet<>();
        int works;
        int lateWorks;
        final Map<String, Integer> ratings = new TreeMap<>();
        /** milestone id → unit → late. */
        final Map<String, Map<String, Boolean>> reports = new TreeMap<>();
        final Map<String, Integer> quotaUsed = new TreeMap<>();
    }

    /** A proposal as the scenario leaves it. */
    record Proposal(String campaignId, String schemeId, String kind, int achievementYear, String status,
                    LocalDate since) {
    }

    static final class Scenario {
        final Map<String, Expected> campaigns = new LinkedHashMap<>();
        final Map<String, Proposal> proposals = new LinkedHashMap<>();

        static Scenario load() throws IOException {
            Scenario s = new Scenario();
            JsonNode root = read("/demo/scenario.json");
            for (JsonNode c : root.get("campaigns")) {
                Expected e = new Expected();
                e.plan = read("/demo/plans/" + c.get("plan").asText());
                s.campaigns.put(c.get("campaignId").asText(), e);
            }
            for (JsonNode step : root.get("steps")) {
                LocalDate on = LocalDate.parse(step.get("on").asText());
                JsonNode w = step.get("with");
                Expected c = w.has("campaignId") ? s.campaigns.get(w.get("campaignId").asText()) : null;
                String proposalId = w.has("proposalId") ? w.get("proposalId").asText() : null;
                switch (step.get("command").asText()) {
                    case "RegisterParticipant" -> {
                        c.units.add(w.get("unitId").asText());
                        if (w.hasNonNull("pledgedWorks")) {
                            for (JsonNode ignored : w.get("pledgedWorks")) {
                                s.pledge(c, w.get("unitId").asText(), on);
                            }
                        }
                    }
                    case "PledgeWork" -> s.pledge(c, w.get("unitId").asText(), on);
                    case "RecordInspection" -> c.ratings.merge(w.get("rating").asText(), 1, Integer::sum);
                    case "SubmitReport" -> {
                        String milestone = w.get("milestoneId").asText();
                        c.reports.computeIfAbsent(milestone, m -> new TreeMap<>())
                                .put(w.get("unitId").asText(), on.isAfter(dueDate(c.plan, milestone)));
                    }
                    case "ConcludeCampaign" -> c.status = "CONCLUDED";
                    case "CloseCampaign" -> c.status = "CLOSED";
                    case "SubmitProposal" -> s.proposals.put(proposalId, new Proposal(w.get("campaignId").asText(),
                            w.get("schemeId").asText(), w.get("nominee").get("kind").asText(),
                            w.get("achievementYear").asInt(), "SUBMITTED", on));
                    case "ReturnForSupplement" -> s.move(proposalId, "RETURNED", on);
                    case "SupplementProposal" -> s.move(proposalId, "SUPPLEMENTED", on);
                    case "AppraiseProposal" -> s.move(proposalId, "APPRAISED", on);
                    case "RecordCouncilVote" -> s.move(proposalId, "VOTED", on);
                    case "GrantAward" -> {
                        Proposal p = s.move(proposalId, "AWARDED", on);
                        s.campaigns.get(p.campaignId()).quotaUsed.merge(bucket(p), 1, Integer::sum);
                    }
                    case "RejectProposal" -> s.move(proposalId, "REJECTED", on);
                    case "WithdrawProposal" -> s.move(proposalId, "WITHDRAWN", on);
                    case "RevokeAward" -> {
                        Proposal p = s.move(proposalId, "REVOKED", on);
                        s.campaigns.get(p.campaignId()).quotaUsed.merge(bucket(p), -1, Integer::sum);
                    }
                    default -> {
                    }
                }
            }
            return s;
        }

        /** Late when pledged after the plan's pledge milestone, if it has one. */
        void pledge(Expected c, String unit, LocalDate on) {
            c.works++;
            c.unitsWithWorks.add(unit);
            for (JsonNode m : c.plan.get("milestones")) {
                if ("PLEDGE".equals(m.get("kind").asText()) && on.isAfter(LocalDate.parse(m.get("dueDate").asText()))) {
                    c.lateWorks++;
                    return;
                }
            }
        }

        Proposal move(String id, String status, LocalDate on) {
            Proposal p = proposals.get(id);
            Proposal moved = new Proposal(p.campaignId(), p.schemeId(), p.kind(), p.achievementYear(), status, on);
            proposals.put(id, moved);
            return moved;
        }

        static String bucket(Proposal p) {
            return p.schemeId() + "/" + ("COLLECTIVE".equals(p.kind()) ? "collectives" : "individuals");
        }

        /** Units that owe a report whose deadline has passed (deadlines fire after the load; none once closed). */
        Set<String> overdueUnits(String campaignId, LocalDate today) {
            Expected c = campaigns.get(campaignId);
            Set<String> overdue = new TreeSet<>();
            if ("CLOSED".equals(c.status)) {
                return overdue;
            }
            for (JsonNode m : c.plan.get("milestones")) {
                String kind = m.get("kind").asText();
                if ((kind.equals("INTERIM_REPORT") || kind.equals("FINAL_REPORT"))
                        && LocalDate.parse(m.get("dueDate").asText()).isBefore(today)) {
                    Map<String, Boolean> reported = c.reports.getOrDefault(m.get("milestoneId").asText(), Map.of());
                    c.units.stream().filter(u -> !reported.containsKey(u)).forEach(overdue::add);
                }
            }
            return overdue;
        }

        Map<String, Integer> funnel(String campaignId) {
            Map<String, Integer> byStatus = new TreeMap<>();
            proposals.values().stream().filter(p -> p.campaignId().equals(campaignId))
                    .forEach(p -> byStatus.merge(p.status(), 1, Integer::sum));
            return byStatus;
        }

        private static LocalDate dueDate(JsonNode plan, String milestoneId) {
            for (JsonNode m : plan.get("milestones")) {
                if (m.get("milestoneId").asText().equals(milestoneId)) {
                    return LocalDate.parse(m.get("dueDate").asText());
                }
            }
            throw new IllegalArgumentException(milestoneId);
        }

        private static JsonNode read(String resource) throws IOException {
            try (InputStream in = DashboardApiTest.class.getResourceAsStream(resource)) {
                return JSON.readTree(in);
            }
        }
    }

    /** The dashboard of {@code campaignId} once the deadlines that passed have fired (overdue as expected). */
    private static JsonNode dashboardAfterDeadlines(String campaignId, int overdueUnits) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        JsonNode dashboard;
        do {
            dashboard = api.get("organizer", "/api/dashboards/campaigns/" + campaignId).body();
            if (dashboard.get("participation").get("unitsOverdue").asInt() == overdueUnits
                    && dashboard.get("reflects").get("lag").asLong() == 0) {
                return dashboard;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        return dashboard;
    }

    @Test
    void eachCampaignsDashboardIsWhatTheScenarioMakesOfIt() throws InterruptedException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        for (Map.Entry<String, Expected> entry : scenario.campaigns.entrySet()) {
            String id = entry.getKey();
            Expected c = entry.getValue();
            Set<String> overdue = scenario.overdueUnits(id, today);
            JsonNode d = dashboardAfterDeadlines(id, overdue.size());
            assertThat(d.get("status").asText()).as(id).isEqualTo(c.status);
            JsonNode participation = d.get("participation");
            assertThat(participation.get("registered").asInt()).as(id).isEqualTo(c.units.size());
            assertThat(participation.get("pledgedWorks").asInt()).as(id).isEqualTo(c.works);
            assertThat(participation.get("lateWorks").asInt()).as(id).isEqualTo(c.lateWorks);
            assertThat(participation.get("unitsWithWorks").asInt()).as(id).isEqualTo(c.unitsWithWorks.size());
            assertThat(participation.get("unitsWithoutWorks").asInt()).as(id)
                    .isEqualTo(c.units.size() - c.unitsWithWorks.size());
            assertThat(participation.get("unitsOverdue").asInt()).as(id + " overdue").isEqualTo(overdue.size());
            Map<String, Integer> ratings = new TreeMap<>();
            d.get("inspections").get("byRating").fields().forEachRemaining(r -> {
                if (r.getValue().asInt() > 0) {
                    ratings.put(r.getKey(), r.getValue().asInt());
                }
            });
            assertThat(ratings).as(id).isEqualTo(c.ratings);
            for (JsonNode m : d.get("milestones")) {
                String milestone = m.get("milestoneId").asText();
                LocalDate due = LocalDate.parse(m.get("dueDate").asText());
                assertThat(m.get("state").asText()).as(id + " " + milestone).isEqualTo(
                        due.isBefore(today) ? "PASSED" : ChronoUnit.DAYS.between(today, due) <= 7 ? "DUE_SOON"
                                : "UPCOMING");
                if (m.hasNonNull("reports")) {
                    Map<String, Boolean> reported = c.reports.getOrDefault(milestone, Map.of());
                    int late = (int) reported.values().stream().filter(l -> l).count();
                    JsonNode r = m.get("reports");
                    assertThat(r.get("onTime").asInt()).as(id + " " + milestone).isEqualTo(reported.size() - late);
                    assertThat(r.get("late").asInt()).as(id + " " + milestone).isEqualTo(late);
                    assertThat(r.get("missing").asInt()).as(id + " " + milestone)
                            .isEqualTo(c.units.size() - reported.size());
                    assertThat(r.get("overdue").asInt()).as(id + " " + milestone).isEqualTo(
                            due.isBefore(today) && !"CLOSED".equals(c.status) ? c.units.size() - reported.size() : 0);
                }
            }
            Map<String, Integer> funnel = new TreeMap<>();
            int waiting = 0;
            for (JsonNode step : d.get("proposals").get("steps")) {
                if (step.get("count").asInt() > 0) {
                    funnel.put(step.get("status").asText(), step.get("count").asInt());
                }
            }
            Map<String, Integer> expectedFunnel = scenario.funnel(id);
            for (Map.Entry<String, Integer> s : expectedFunnel.entrySet()) {
                waiting += Set.of("SUBMITTED", "RETURNED", "SUPPLEMENTED", "APPRAISED", "VOTED").contains(s.getKey())
                        ? s.getValue() : 0;
            }
            assertThat(funnel).as(id + " funnel").isEqualTo(expectedFunnel);
            assertThat(d.get("proposals").get("waiting").asInt()).as(id).isEqualTo(waiting);
            Map<String, Integer> used = new TreeMap<>();
            for (JsonNode q : d.get("quotas")) {
                for (String bucket : List.of("collectives", "individuals")) {
                    int n = q.get(bucket).get("used").asInt();
                    if (n != 0) {
                        used.put(q.get("schemeId").asText() + "/" + bucket, n);
                    }
                    if (q.get(bucket).hasNonNull("limit")) {
                        assertThat(q.get(bucket).get("remaining").asInt()).as(id + " remaining")
                                .isEqualTo(Math.max(0, q.get(bucket).get("limit").asInt() - n));
                    }
                }
            }
            Map<String, Integer> expectedUsed = new TreeMap<>(c.quotaUsed);
            expectedUsed.values().removeIf(n -> n == 0);
            assertThat(used).as(id + " quota used").isEqualTo(expectedUsed);
            JsonNode followUp = d.get("followUp");
            assertThat(followUp.get("OVERDUE").asInt()).isEqualTo(overdue.size());
            assertThat(followUp.get("NO_WORK").asInt()).isEqualTo(c.units.size() - c.unitsWithWorks.size());
            Set<String> reportedAny = new TreeSet<>();
            c.reports.values().forEach(r -> reportedAny.addAll(r.keySet()));
            assertThat(followUp.get("NO_REPORT").asInt()).isEqualTo(c.units.size() - reportedAny.size());
            // the units themselves: those of each reason, and of any
            Set<String> any = new TreeSet<>();
            Map<String, Set<String>> byReason = Map.of("OVERDUE", overdue,
                    "NO_REPORT", minus(c.units, reportedAny), "NO_WORK", minus(c.units, c.unitsWithWorks));
            for (Map.Entry<String, Set<String>> reason : byReason.entrySet()) {
                assertThat(followUpUnits(id, "?reason=" + reason.getKey())).as(id + " " + reason.getKey())
                        .containsExactlyElementsOf(reason.getValue());
                any.addAll(reason.getValue());
            }
            assertThat(followUpUnits(id, "")).as(id + " any").containsExactlyElementsOf(any);
        }
    }

    private static Set<String> minus(Set<String> all, Set<String> some) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }

    /** Every unit of the follow-up list, read page by page (pages of 3, so that paging is exercised). */
    private static List<String> followUpUnits(String campaignId, String query) {
        List<String> units = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get("organizer", "/api/dashboards/campaigns/" + campaignId + "/follow-up"
                    + (query.isEmpty() ? "?" : query + "&") + "size=3&page=" + page).body();
            JsonNode items = answer.get("units").get("items");
            items.forEach(u -> units.add(u.get("unitId").asText()));
            if (items.size() < 3) {
                assertThat(answer.get("units").get("total").asInt()).isEqualTo(units.size());
                return units;
            }
        }
    }

    @Test
    void figuresAcrossCampaignsAddUpWhatTheScenarioMakes() throws InterruptedException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        // once every overdue unit is in, the figures stand still
        for (String id : scenario.campaigns.keySet()) {
            dashboardAfterDeadlines(id, scenario.overdueUnits(id, today).size());
        }
        JsonNode all = api.get("auditor", "/api/dashboards/statistics").body();
        assertThat(all.get("totals").get("campaigns").asInt()).isEqualTo(scenario.campaigns.size());
        int units = scenario.campaigns.values().stream().mapToInt(c -> c.units.size()).sum();
        assertThat(all.get("totals").get("participants").asInt()).isEqualTo(units);
        Map<String, Integer> byStatus = new TreeMap<>();
        scenario.campaigns.values().forEach(c -> byStatus.merge(c.status, 1, Integer::sum));
        Map<String, Integer> answered = new TreeMap<>();
        all.get("totals").get("campaignsByStatus").fields()
                .forEachRemaining(f -> answered.put(f.getKey(), f.getValue().asInt()));
        assertThat(answered).isEqualTo(byStatus);
        Map<String, Integer> proposals = new TreeMap<>();
        scenario.proposals.values().forEach(p -> proposals.merge(p.status(), 1, Integer::sum));
        Map<String, Integer> answeredProposals = new TreeMap<>();
        all.get("totals").get("proposals").fields()
                .forEachRemaining(f -> answeredProposals.put(f.getKey(), f.getValue().asInt()));
        assertThat(answeredProposals).isEqualTo(proposals);
        // per issuer and per year: each campaign under its issuer, and under every year its period touches
        Map<String, Integer> perIssuer = new TreeMap<>();
        Map<Integer, Integer> perYear = new TreeMap<>();
        for (Expected c : scenario.campaigns.values()) {
            perIssuer.merge(c.plan.get("issuer").get("name").asText(), c.units.size(), Integer::sum);
            int from = LocalDate.parse(c.plan.get("period").get("start").asText()).getYear();
            int to = LocalDate.parse(c.plan.get("period").get("end").asText()).getYear();
            for (int y = from; y <= to; y++) {
                perYear.merge(y, c.units.size(), Integer::sum);
            }
        }
        assertThat(groups(all.get("byIssuer"), "participants")).isEqualTo(perIssuer.entrySet().stream()
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        Map<String, Integer> yearsAnswered = groups(all.get("byYear"), "participants");
        Map<String, Integer> yearsExpected = new TreeMap<>();
        perYear.forEach((y, n) -> yearsExpected.put(String.valueOf(y), n));
        assertThat(yearsAnswered).isEqualTo(yearsExpected);
        // a filter: one year, one status, an issuer's words without accents
        for (Map.Entry<Integer, Integer> year : perYear.entrySet()) {
            JsonNode one = api.get("auditor", "/api/dashboards/statistics?year=" + year.getKey()).body();
            assertThat(one.get("totals").get("participants").asInt()).isEqualTo(year.getValue());
        }
        JsonNode concluded = api.get("auditor", "/api/dashboards/statistics?status=concluded").body();
        assertThat(concluded.get("totals").get("campaigns").asInt()).isEqualTo(byStatus.getOrDefault("CONCLUDED", 0));
        String issuer = scenario.campaigns.get("bo-trach-2020").plan.get("issuer").get("name").asText();
        JsonNode byIssuer = api.get("auditor", "/api/dashboards/statistics?issuer=bo%20trach").body();
        assertThat(groups(byIssuer.get("byIssuer"), "campaigns")).containsOnlyKeys(issuer);
        // awards by form × level × achievement year, with revocations
        Map<String, int[]> awards = new TreeMap<>();
        for (Proposal p : scenario.proposals.values()) {
            if (p.status().equals("AWARDED") || p.status().equals("REVOKED")) {
                JsonNode scheme = scheme(p);
                int[] counts = awards.computeIfAbsent(p.achievementYear() + " " + scheme.get("form").asText() + " "
                        + scheme.get("level").asText(), k -> new int[2]);
                counts[0]++;
                counts[1] += p.status().equals("REVOKED") ? 1 : 0;
            }
        }
        int firstYear = scenario.proposals.values().stream().mapToInt(Proposal::achievementYear).min().orElseThrow();
        int lastYear = scenario.proposals.values().stream().mapToInt(Proposal::achievementYear).max().orElseThrow();
        JsonNode awarded = api.get("auditor", "/api/dashboards/awards?from=" + firstYear + "&to=" + lastYear).body();
        Map<String, int[]> answeredAwards = new TreeMap<>();
        for (JsonNode row : awarded.get("rows")) {
            answeredAwards.put(row.get("achievementYear").asInt() + " " + row.get("form").asText() + " "
                    + row.get("level").asText(), new int[] {row.get("granted").asInt(), row.get("revoked").asInt()});
            assertThat(row.get("inForce").asInt()).isEqualTo(row.get("granted").asInt() - row.get("revoked").asInt());
        }
        assertThat(answeredAwards).usingRecursiveComparison().isEqualTo(awards);
        assertThat(awarded.get("revoked").asInt()).isEqualTo(
                (int) scenario.proposals.values().stream().filter(p -> p.status().equals("REVOKED")).count());
        // waiting per step: how many, and since when
        Map<String, List<LocalDate>> waiting = new TreeMap<>();
        for (Proposal p : scenario.proposals.values()) {
            if (Set.of("SUBMITTED", "RETURNED", "SUPPLEMENTED", "APPRAISED", "VOTED").contains(p.status())) {
                waiting.computeIfAbsent(p.status(), s -> new ArrayList<>()).add(p.since());
            }
        }
        JsonNode steps = api.get("council", "/api/dashboards/waiting").body();
        Map<String, Integer> answeredWaiting = new TreeMap<>();
        for (JsonNode step : steps.get("steps")) {
            int count = step.get("count").asInt();
            if (count > 0) {
                answeredWaiting.put(step.get("status").asText(), count);
                LocalDate oldest = waiting.get(step.get("status").asText()).stream().min(LocalDate::compareTo)
                        .orElseThrow();
                assertThat(step.get("oldestSince").asText()).isEqualTo(oldest.toString());
                assertThat(step.get("longestDays").asLong()).isEqualTo(ChronoUnit.DAYS.between(oldest, today));
            }
        }
        Map<String, Integer> expectedWaiting = new TreeMap<>();
        waiting.forEach((status, dates) -> expectedWaiting.put(status, dates.size()));
        assertThat(answeredWaiting).isEqualTo(expectedWaiting);
        for (JsonNode answer : List.of(all, awarded, steps)) {
            JsonNode reflects = answer.get("reflects");
            assertThat(reflects.get("position").asLong()).isPositive();
            assertThat(reflects.get("lag").asLong()).isZero();
        }
    }

    private static JsonNode scheme(Proposal p) {
        for (JsonNode s : scenario.campaigns.get(p.campaignId()).plan.get("awardSchemes")) {
            if (s.get("schemeId").asText().equals(p.schemeId())) {
                return s;
            }
        }
        throw new IllegalArgumentException(p.schemeId());
    }

    private static Map<String, Integer> groups(JsonNode groups, String field) {
        Map<String, Integer> values = new TreeMap<>();
        groups.forEach(g -> values.put(g.get("key").asText(), g.get("totals").get(field).asInt()));
        return values;
    }

    @Test
    void whoMayAskAndWhatIsRefused() {
        String campaign = "/api/dashboards/campaigns/bo-trach-2020";
        assertThat(api.get("unit", campaign).status()).isEqualTo(200);
        // a unit's user sees its own unit among those to follow up, no other (demo-unit takes no part here)
        assertThat(api.get("unit", campaign + "/follow-up").body().get("units").get("total").asInt()).isZero();
        assertThat(api.get("organizer", campaign + "/follow-up").body().get("units").get("total").asInt())
                .isPositive();
        for (String across : List.of("/api/dashboards/statistics", "/api/dashboards/awards",
                "/api/dashboards/waiting")) {
            assertThat(api.get("unit", across).status()).as(across).isEqualTo(403);
            assertThat(api.get("integration", across).status()).as(across).isEqualTo(403);
            assertThat(api.get(null, across).status()).as(across).isEqualTo(401);
        }
        Map<String, String> refused = new HashMap<>();
        refused.put(campaign + "/follow-up?reason=LATE", "reason");
        refused.put(campaign + "/follow-up?size=500", "size");
        refused.put("/api/dashboards/statistics?level=t%E1%BB%89nh", "level");
        refused.put("/api/dashboards/statistics?year=1800", "year");
        refused.put("/api/dashboards/statistics?kind=WEEKLY", "kind");
        refused.put("/api/dashboards/statistics?issuer=" + "x".repeat(201), "issuer");
        refused.put("/api/dashboards/awards?from=2022&to=2020", "from");
        refused.put("/api/dashboards/awards?from=1950&to=2020", "from");
        refused.forEach((path, parameter) -> {
            Api.Response answer = api.get("organizer", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().toString()).as(path).contains(parameter);
        });
        assertThat(api.get("organizer", "/api/dashboards/campaigns/no-such-campaign").status()).isEqualTo(404);
        assertThat(api.get("organizer", "/api/dashboards/campaigns/no-such-campaign/follow-up").status())
                .isEqualTo(404);
        assertThat(api.get("organizer", "/api/dashboards/waiting?campaignId=no-such").status()).isEqualTo(404);
    }
}
