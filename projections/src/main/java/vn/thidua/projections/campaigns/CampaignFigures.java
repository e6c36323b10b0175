package vn.thidua.projections.campaigns;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.common.EventJson;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign adds to the dashboards across campaigns, carried by its entries in the key index (see
 * {@link vn.thidua.projections.Projector#coveredValues}): under {@link #STATISTICS} and each year its period touches,
 * its figures; under the key of each achievement year of its awards, those awards by form and level. A dashboard
 * reads one key's entries and adds them up, filtering by issuer, level, kind and status as it goes: no campaign
 * document is read, and since each campaign's entry is its own (set and removed with the campaign's document), the
 * segments that write campaigns side by side never write the same value.
 * <p>
 * The entries are written by position (JSON arrays, {@link JsonFormat.Shape#ARRAY}), not by name: a question across
 * campaigns reads every campaign's entry, and names were half of each entry's bytes (484 bytes by name, 246 by
 * position, for a typical campaign), so half of what the index reads for it. A position means nothing outside this
 * class; a change of these records changes {@link vn.thidua.projections.KeyIndex}'s layout, so that an older index is
 * rebuilt rather than misread.
 */
public final class CampaignFigures {

    /** The key under which every campaign's figures are listed. */
    public static final String STATISTICS = "statistics";

    private static final ObjectMapper JSON = EventJson.newMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(CampaignView.AwardCount.class, ByPosition.class);

    /** Writes a record or class as an array of its values (here only: the campaign document keeps its names). */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"form", "level", "achievementYear", "granted", "revoked"})
    private interface ByPosition {
    }

    private CampaignFigures() {
    }

    /** The key of the campaigns whose period touches {@code year}. */
    public static String statisticsKey(int year) {
        return STATISTICS + ":year:" + year;
    }

    /** The key of the campaigns with awards for achievements of {@code year}. */
    public static String awardsKey(int year) {
        return "awards:year:" + year;
    }

    /** Who ran a campaign and where it stands: what the dashboards filter by. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Classification(String issuer, String issuerKey, String level, CampaignKind kind,
                                 CampaignStatus status, List<Integer> years) {
    }

    /** A campaign's figures. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Figures(Classification of, int participants, int unitsWithWorks, int pledgedWorks, int lateWorks,
                          int inspections, int reportsOnTime, int reportsLate, int overdueReports, int overdueUnits,
                          Map<String, Integer> proposals, int awardsGranted, int awardsRevoked) {
    }

    /** A campaign's awards for the achievements of one year, by form and level. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Awards(Classification of, List<CampaignView.AwardCount> awards) {
    }

    static Map<String, String> coveredValues(CampaignView c) {
        Map<String, String> values = new HashMap<>();
        if (c.status == null) {
            return values; // a document that has applied nothing yet
        }
        Classification of = new Classification(c.issuer, c.issuerKey, c.issuerLevel,
                c.plan == null ? null : c.plan.kind(), c.status, c.years);
        String figures = write(figures(c, of));
        values.put(STATISTICS, figures);
        c.years.forEach(year -> values.put(statisticsKey(year), figures));
        Map<Integer, List<CampaignView.AwardCount>> byYear = new TreeMap<>();
        for (CampaignView.AwardCount count : c.awardCounts) {
            byYear.computeIfAbsent(count.achievementYear, y -> new ArrayList<>()).add(count);
        }
        byYear.forEach((year, counts) -> values.put(awardsKey(year), write(new Awards(of, counts))));
        return values;
    }

    private static Figures figures(CampaignView c, Classification of) {
        CampaignView.Counts n = c.counts;
        int granted = 0;
        int revoked = 0;
        for (CampaignView.AwardTally tally : c.awardsByScheme.values()) {
            granted += tally.granted;
            revoked += tally.revoked;
        }
        Map<String, Integer> proposals = new TreeMap<>(c.proposalsByStatus.asMap());
        proposals.values().removeIf(count -> count == 0);
        return new Figures(of, n.participants, n.unitsWithWorks, n.pledgedWorks, n.lateWorks, n.inspections,
                n.interimReportsOnTime + n.finalReportsOnTime, n.interimReportsLate + n.finalReportsLate,
                n.overdueReports, n.overdueUnits, proposals, granted, revoked);
    }

    public static Figures figures(String value) {
        return read(value, Figures.class);
    }

    public static Awards awards(String value) {
        return read(value, Awards.class);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String value, Class<T> type) {
        try {
            return JSON.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
