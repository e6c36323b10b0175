package vn.thidua.domain.common;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Đối tượng thi đua / khen thưởng: tập thể, cá nhân, hộ gia đình. Also the kind of a nominee. */
public enum TargetGroup {
    COLLECTIVE("Tập thể"),
    INDIVIDUAL("Cá nhân"),
    HOUSEHOLD("Hộ gia đình");

    private final String label;

    TargetGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * An unmodifiable set in declaration order, whatever order it was given in: a set in an event must serialise to
     * the same JSON in every JVM ({@code Set.copyOf} iterates in an order salted per JVM). Null elements are refused.
     */
    public static Set<TargetGroup> ordered(Collection<TargetGroup> groups) {
        if (groups == null || groups.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(TargetGroup.class));
        }
        for (TargetGroup group : groups) {
            Check.required(group, "targetGroups[]");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(groups));
    }
}
