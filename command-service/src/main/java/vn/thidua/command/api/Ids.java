package vn.thidua.command.api;

import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.service.security.Actor;

import java.util.UUID;

final class Ids {

    private Ids() {
    }

    /** The client's UUID (lower-cased) for a safe retry, or a new one. */
    static String chosenOrNew(String id) {
        if (id == null || id.isBlank()) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(id.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new DomainRuleException(Refusal.CLIENT_ID_NOT_UUID, "id", id);
        }
    }

    /** A UNIT user may only name its own unit. */
    static void requireOwnUnit(Actor actor, String unitId) {
        if (actor.isUnit() && !actor.unitId().equals(unitId)) {
            throw new DomainRuleException(Refusal.FORBIDDEN_UNIT, "unitId", actor.unitId(), unitId);
        }
    }

    /** The unit a UNIT user acts for; null for other roles (they act for the organization). */
    static String actingUnit(Actor actor) {
        return actor.isUnit() ? actor.unitId() : null;
    }
}
