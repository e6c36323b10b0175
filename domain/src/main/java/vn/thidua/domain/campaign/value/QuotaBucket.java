package vn.thidua.domain.campaign.value;

/** The two counts of a quota: tập thể (collectives and households) and cá nhân (individuals). */
public enum QuotaBucket {
    COLLECTIVES("tập thể"), INDIVIDUALS("cá nhân");

    private final String label;

    QuotaBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
