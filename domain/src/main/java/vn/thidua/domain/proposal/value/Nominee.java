package vn.thidua.domain.proposal.value;

import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.common.Texts;

/**
 * Who is proposed: a collective, an individual or a household, by name, with an optional stable identifier
 * (a unit id, a staff number). The identifier, when given, decides who the nominee is; otherwise the name does.
 */
public record Nominee(TargetGroup kind, String name, String nomineeId) {

    /** The key under which "one achievement, one award" is enforced within a campaign. */
    public String key() {
        String who = nomineeId != null && !nomineeId.isBlank() ? "id:" + Texts.key(nomineeId) : "name:" + Texts.key(name);
        return kind + "|" + who;
    }
}
