package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;
import vn.thidua.command.TestPlans;
import vn.thidua.domain.common.DomainClock;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proposals waiting per step, once some wait: three proposals submitted today, one returned for supplement; counted
 * per step in their campaign and across campaigns, through each filter that lets their campaign through and none of
 * those that do not; waiting since today, for zero days.
 */
class DashboardWaitingTest {

    @TempDir
    Path data;

    @Test
    void proposalsWaitPerStepSinceTheDayTheyReachedIt() {
        try (Standalone platform = ReadModelSnapshots.start(data)) {
            Api commands = new Api(platform.commandPort());
            String campaign = commands.post("organizer", "/api/campaigns",
                    Map.of("plan", TestPlans.plan("55/KH-WAIT", 5, 5))).body().get("id").asText();
            commands.post("organizer", "/api/campaigns/" + campaign + "/participants",
                    Map.of("unitId", "u1", "unitName", "Đơn vị một"));
            String returned = null;
            for (String name : new String[] {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}) {
                String id = commands.post("organizer", "/api/proposals", Map.of("campaignId", campaign,
                        "proposingUnitId", "u1", "nominee", Map.of("kind", "INDIVIDUAL", "name", name),
                        "schemeId", "GK", "achievementSummary", "Hoàn thành xuất sắc", "achievementYear",
                        LocalDate.now().getYear(), "documents", TestPlans.districtDossier())).body().get("id").asText();
                returned = returned == null ? id : returned;
            }
            assertThat(commands.post("organizer", "/api/proposals/" + returned + "/returns",
                    Map.of("reason", "Thiếu xác nhận")).status()).isEqualTo(200);
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            Api queries = new Api(platform.queryPort());
            Map<String, Integer> expected = Map.of("SUBMITTED", 2, "RETURNED", 1);
            String today = DomainClock.today().toString();
            for (String query : new String[] {"?campaignId=" + campaign, "", "?status=launched",
                    "?issuer=thu%20thua", "?level=DISTRICT", "?year=" + LocalDate.now().getYear(), "?kind=special"}) {
                JsonNode answer = queries.get("council", "/api/dashboards/waiting" + query).body();
                assertThat(counts(answer)).as(query).isEqualTo(expected);
                assertThat(answer.get("total").asInt()).isEqualTo(3);
                for (JsonNode step : answer.get("steps")) {
                    if (step.get("count").asInt() > 0) {
                        assertThat(step.get("oldestSince").asText()).isEqualTo(today);
                        assertThat(step.get("longestDays").asInt()).isZero();
                        assertThat(step.get("byAge").get("0-7").asInt()).isEqualTo(step.get("count").asInt());
                    }
                }
            }
            for (String query : new String[] {"?status=concluded", "?issuer=bo%20trach", "?level=PROVINCE",
                    "?year=1999", "?kind=regular"}) {
                assertThat(counts(queries.get("council", "/api/dashboards/waiting" + query).body())).as(query)
                        .isEmpty();
            }
        }
    }

    private static Map<String, Integer> counts(JsonNode answer) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode step : answer.get("steps")) {
            if (step.get("count").asInt() > 0) {
                counts.put(step.get("status").asText(), step.get("count").asInt());
            }
        }
        return counts;
    }
}
