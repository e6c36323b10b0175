package vn.thidua.domain.common;

import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.UUID;

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

    /**
     * On a command recorded as of a past moment (the demo's scenario, which replays a campaign at its real dates): that
     * moment, as an ISO instant. The command's rules take it as "now" and its events carry it as their timestamp
     * ({@link DomainClock}); the events keep the key, so a replay shows which facts were recorded so. The HTTP API
     * never sets it.
     */
    public static final String AS_OF = "recordedAsOf";

    /** The actor of what the platform does by itself, such as recording an overdue report. */
    public static final String SYSTEM = "system";
    /** The role the system actor acts in; no user holds it ({@link Role} has no such member). */
    public static final String SYSTEM_ROLE = "SYSTEM";

    /** The keys every command carries and every event keeps (the correlation data providers copy these). */
    public static final List<String> KEYS = List.of(ACTOR_ID, ACTOR_ROLE, ACTOR_UNIT, CORRELATION_ID,
            CLIENT_CORRELATION_ID, AS_OF);

    private ActorMetadata() {
    }

    /**
     * The metadata of a command sent for an actor: who (id, role, unit; no unit is ""), and the request it belongs
     * to (the platform's correlation id; the client's own, or "" when it sent none).
     */
    public static MetaData of(String actorId, Role role, String unitId, String correlationId,
                              String clientCorrelationId) {
        return of(actorId, role.name(), unitId, correlationId, clientCorrelationId);
    }

    private static MetaData of(String actorId, String role, String unitId, String correlationId,
                               String clientCorrelationId) {
        return MetaData.with(ACTOR_ID, actorId)
                .and(ACTOR_ROLE, role)
                .and(ACTOR_UNIT, unitId == null ? "" : unitId)
                .and(CORRELATION_ID, correlationId)
                .and(CLIENT_CORRELATION_ID, clientCorrelationId == null ? "" : clientCorrelationId);
    }

    /** What the platform does by itself (a deadline firing): the system actor, a correlation id of its own. */
    public static MetaData system() {
        return of(SYSTEM, SYSTEM_ROLE, null, UUID.randomUUID().toString(), null);
    }
}
