package vn.thidua.query.api;

import vn.thidua.service.security.Actor;

/** What the current user may see: everything, or (UNIT users) their own unit's participation and proposals. */
final class Viewer {

    private Viewer() {
    }

    /** The unit a UNIT user is limited to; null for every other role. */
    static String limitedToUnit() {
        Actor actor = Actor.current();
        return actor.isUnit() ? actor.unitId() : null;
    }

    static boolean maySee(String unitId) {
        String own = limitedToUnit();
        return own == null || own.equals(unitId);
    }
}
