package vn.thidua.domain.proposal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;

/** Quyết định khen thưởng: consumes one place of the scheme's quota. */
public record GrantAward(@TargetAggregateIdentifier String proposalId, String decisionNumber, LocalDate decisionDate, String signerName, String signerTitle) {
}
