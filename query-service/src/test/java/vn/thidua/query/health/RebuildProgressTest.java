package vn.thidua.query.health;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.testing.Waiting;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A rebuild's rate and time left, from readings a second apart. */
class RebuildProgressTest {

    /** A processor whose position the test moves by hand, against a head of 10,000. */
    static final class Processing extends EventProcessingHealth {
        long position;

        Processing() {
            super(null, null, null, null, null);
        }

        @Override
        public long head() {
            return 10_000;
        }

        @Override
        public List<ProcessorState> states(long head) {
            return List.of(new ProcessorState("read-models", true, false, position, Math.max(0, head - position), 1, 1));
        }
    }

    @Test
    void rateAndTimeLeftComeFromTwoReadingsASecondApart() {
        Processing processing = new Processing();
        RebuildProgress progress = new RebuildProgress(processing);

        RebuildProgress.Progress first = progress.of("read-models");
        assertThat(first.lag()).isEqualTo(10_000);
        assertThat(first.eventsPerSecond()).isNull();
        assertThat(first.secondsLeft()).isNull();

        processing.position = 2_000;
        Waiting.sleep(1_100);
        RebuildProgress.Progress later = progress.of("read-models");
        assertThat(later.eventsPerSecond()).isCloseTo(2_000 / 1.1, within(400.0));
        assertThat(later.secondsLeft()).isBetween(3L, 6L); // 8,000 left at about 1,800 per second

        processing.position = 10_000;
        assertThat(progress.of("read-models").secondsLeft()).isZero();
        assertThat(progress.of("audit")).isNull();
    }
}
