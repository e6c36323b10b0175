package vn.thidua.domain.proposal.command;

import vn.thidua.domain.proposal.value.RevocationGround;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.LocalDate;

/** Hủy bỏ quyết định khen thưởng on one of the legal grounds; releases the quota place. */
public record RevokeAward(@TargetAggregateIdentifier String proposalId, RevocationGround ground, String decisionNumber, LocalDate decisionDate, String explanation) {
}
