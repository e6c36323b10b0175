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

    /** Waits until {@code condition} holds, looking every 20 ms; fails the test after {@code max}. */
    public static void until(java.util.function.BooleanSupplier condition, java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            sleep(20);
        }
    }
}
