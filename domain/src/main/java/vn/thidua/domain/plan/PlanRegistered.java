package vn.thidua.domain.plan;

import org.axonframework.serialization.Revision;

/** A plan (issuer + document number) was registered to the campaign it launched. */
@Revision("1")
public record PlanRegistered(String registrationId, String issuer, String documentNumber, String campaignId) implements PlanEvent {
}
