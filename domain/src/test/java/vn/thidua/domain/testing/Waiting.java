package vn.thidua.domain.testing;

/** The one way tests pause: an interrupted wait fails the test instead of being swallowed. */
public final class Waiting {

    private Waiting() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
