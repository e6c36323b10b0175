package vn.thidua.domain.proposal.value;

import java.time.LocalDate;

/** Quyết định khen thưởng: number, date and signer. */
public record AwardDecision(String number, LocalDate date, String signerName, String signerTitle) {
}
