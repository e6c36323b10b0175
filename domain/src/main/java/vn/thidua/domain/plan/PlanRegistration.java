package vn.thidua.domain.plan;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The registration of one plan (issuer + document number) to the campaign it launched. Its identifier is derived
 * from the plan's identity, so the event store's own rule (one stream per identifier, each sequence number once)
 * makes a second launch of the same plan impossible, even from two nodes at once, in the embedded store and in
 * Axon Server alike.
 */
public class PlanRegistration {

    @AggregateIdentifier
    private String registrationId;
    private String campaignId;

    public PlanRegistration() {
        // for Axon, and as the blank registration that loadOrCreate starts from
    }

    /** The campaign this plan launched, or null while the plan is not registered. */
    public String campaignId() {
        return campaignId;
    }

    void register(String registrationId, String issuer, String documentNumber, String campaignId) {
        apply(new PlanRegistered(registrationId, issuer, documentNumber, campaignId));
    }

    @EventSourcingHandler
    void on(PlanRegistered event) {
        registrationId = event.registrationId();
        campaignId = event.campaignId();
    }
}
