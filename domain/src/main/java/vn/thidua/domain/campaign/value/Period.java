package vn.thidua.domain.campaign.value;

import java.time.LocalDate;

/** Thời gian thi đua (Vietnam dates, inclusive). */
public record Period(LocalDate start, LocalDate end) {
}
