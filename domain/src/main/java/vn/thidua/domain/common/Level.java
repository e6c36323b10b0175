package vn.thidua.domain.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Cấp: an administrative level (COMMUNE, DISTRICT, PROVINCE, MINISTRY, CENTRAL, …). Levels are data, not an enum:
 * the district level was abolished on 1/7/2025 and new ones may appear. Written as an upper-case code.
 */
public record Level(String code) {

    public static final Level COMMUNE = new Level("COMMUNE");
    public static final Level DISTRICT = new Level("DISTRICT");
    public static final Level PROVINCE = new Level("PROVINCE");
    public static final Level MINISTRY = new Level("MINISTRY");
    public static final Level CENTRAL = new Level("CENTRAL");

    @JsonCreator
    public static Level of(String code) {
        if (code == null) {
            return null;
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new DomainRuleException(Refusal.INVALID_LEVEL_CODE, "level", "level", code);
        }
        return new Level(normalised);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
