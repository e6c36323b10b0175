package vn.thidua.domain.common;

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
}
