package vn.thidua.service.axon;

/** No phoning home (Axon's update checker) and no console advertisement, for every service and test. */
public final class QuietAxon {

    private QuietAxon() {
    }

    public static void apply() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
