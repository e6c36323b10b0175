package vn.thidua.domain.plan;

/**
 * Every event of a plan registration's stream (one per issuer and document number). The list is closed, as the
 * other families'.
 */
public sealed interface PlanEvent permits
        PlanRegistered {

    /** The registration the event belongs to (its aggregate identifier). */
    String registrationId();
}
