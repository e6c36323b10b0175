package vn.thidua.query.feed;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampsTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            // from 1900 to 2200, with every precision Axon writes (millisecond to nanosecond)
            Instant instant = Instant.ofEpochSecond(-2_208_988_800L + (long) (random.nextDouble() * 9_467_280_000L),
                    switch (i % 3) {
                        case 0 -> random.nextInt(1_000) * 1_000_000;
                        case 1 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = DateTimeUtils.formatInstant(instant); // Axon keeps milliseconds
            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            // and any precision of fraction, written by something else
            String nanos = instant.toString();
            assertThat(StoredTimestamps.parse(nanos)).as(nanos).isEqualTo(DateTimeUtils.parseInstant(nanos))
                    .isEqualTo(instant);
        }
    }

    @Test
    void anythingElseIsReadByAxonsParserWithTheSameOutcome() {
        for (String text : List.of("2020-02-29T23:59:59.999Z", "2021-12-31T00:00:00Z", "2020-06-01T07:00:00+07:00",
                "2020-06-01T00:00:00.1Z", "2020-06-01T00:00:00.123456789Z", "2020-06-01t00:00:00.000z",
                "2021-02-29T00:00:00.000Z", "2020-13-01T00:00:00.000Z", "2020-06-01T24:00:00Z",
                "2020-06-01T00:00:60Z", "2020-06-01T00:00:00.Z", "2020-06-0lT00:00:00.000Z",
                "2020-06-01T00:00:00.1234567890Z", "not a time at all, not at all")) {
            assertThat(outcome(() -> StoredTimestamps.parse(text))).as(text)
                    .isEqualTo(outcome(() -> DateTimeUtils.parseInstant(text)));
        }
        assertThatThrownBy(() -> StoredTimestamps.parse("2020-13-01T00:00:00.000Z"))
                .isInstanceOf(DateTimeParseException.class);
    }

    /** The instant read, or the kind of error. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
