package vn.thidua.domain.common;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Now" for the rules. Axon stamps events with {@link GenericEventMessage#clock}; reading the same clock keeps
 * rule dates and event timestamps in agreement, and lets test fixtures simulate time.
 * Plan dates are Vietnam dates, so "today" is the date in Asia/Ho_Chi_Minh.
 */
public final class DomainClock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DomainClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), VIETNAM);
    }

    /** The first instant after the given Vietnam date has ended: when a due date "passes". */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }
}
