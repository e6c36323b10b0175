package vn.thidua.query.dashboard;

import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.common.Level;
import vn.thidua.projections.SearchText;
import vn.thidua.projections.campaigns.CampaignFigures.Classification;
import vn.thidua.query.api.QueryExceptions.InvalidParameter;
import vn.thidua.query.api.QueryParameters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which campaigns a dashboard across campaigns counts: by issuer (every word, accent-insensitive, as
 * {@code /api/campaigns?issuer=}), the issuer's level, a year the period touches, kind and status; a filter not given
 * lets every campaign through.
 */
public record CampaignFilter(String issuer, String level, Integer year, CampaignKind kind, CampaignStatus status) {

    /** Checks each parameter as it enters (400 with the parameter named). */
    public static CampaignFilter of(String issuer, String level, Integer year, String kind, String status) {
        String issuerText = QueryParameters.text("issuer", issuer);
        String levelText = QueryParameters.text("level", level);
        String levelCode = null;
        if (levelText != null && !levelText.isBlank()) {
            try {
                levelCode = Level.of(levelText).code();
            } catch (RuntimeException invalid) {
                throw new InvalidParameter("level", "Tham số \"level\" phải là mã cấp (COMMUNE, DISTRICT, PROVINCE,"
                        + " MINISTRY, CENTRAL, …)");
            }
        }
        return new CampaignFilter(issuerText == null || issuerText.isBlank() ? null : issuerText, levelCode,
                QueryParameters.year(year), value(CampaignKind.class, "kind", kind),
                value(CampaignStatus.class, "status", status));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String parameter, String given) {
        String name = QueryParameters.enumName(type, parameter, given);
        return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }

    /** Whether the filter lets every campaign through. */
    public boolean isEmpty() {
        return issuer == null && level == null && year == null && kind == null && status == null;
    }

    /**
     * Which campaigns so classified are counted. An answer tests every campaign's entry: the issuer's words are folded
     * here, once per answer, not once per campaign.
     */
    public Predicate<Classification> counts() {
        List<String> words = issuer == null ? List.of()
                : Arrays.stream(SearchText.fold(issuer).split(" ")).filter(w -> !w.isEmpty()).toList();
        return c -> {
            String folded = c.issuerKey() == null ? "" : c.issuerKey();
            return words.stream().allMatch(folded::contains)
                    && (level == null || level.equals(c.level()))
                    && (year == null || c.years().contains(year))
                    && (kind == null || kind == c.kind())
                    && (status == null || status == c.status());
        };
    }
}
