package vn.thidua.domain.common;

/** The metadata keys every command and every stored event carries. */
public final class ActorMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_UNIT = "actorUnit";
    public static final String CORRELATION_ID = "correlationId";
    /** The id a client sent in X-Correlation-Id, kept apart from the platform's own; empty when none was sent. */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";

    /** On every event of a proposal: the campaign it belongs to (the read models' sequencing key). */
    public static final String CAMPAIGN_ID = "campaignId";

    /** The actor of what the platform does by itself, such as recording an overdue report. */
    public static final String SYSTEM = "system";

    private ActorMetadata() {
    }
}
