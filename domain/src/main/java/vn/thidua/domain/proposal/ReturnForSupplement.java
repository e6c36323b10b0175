package vn.thidua.domain.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.domain.campaign.DossierDocument;
import java.time.LocalDate;
import java.util.List;

/** Trả lại hồ sơ để bổ sung (at most once per proposal). */
public record ReturnForSupplement(@TargetAggregateIdentifier String proposalId, String reason) {
}
