package vn.thidua.domain;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.testing.ApprovedEvents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of every event, approved: one fixture per event type and revision
 * ({@code src/test/resources/events}), checked both ways. A new event type without a fixture fails here; so does a
 * change of an event's JSON that does not raise its revision, and an old revision that the upcasters no longer read
 * into the event of the current fixture.
 * <p>
 * A missing current fixture is written from the sample history, and the test fails so that it is reviewed.
 */
class ApprovedEventJsonTest {

    private static final Path FIXTURES = Path.of("src/test/resources", ApprovedEvents.FOLDER);
    private static final Pattern FIXTURE = Pattern.compile("(\\w+)-(\\w+)\\.json");

    @Test
    void everyEventTypeBelongsToAFamilyAndCarriesARevision() {
        assertThat(ApprovedEvents.types()).hasSize(24).allSatisfy(type ->
                assertThat(ApprovedEvents.revision(type)).as(type.getSimpleName()).isNotBlank());
    }

    @Test
    void everyEventSerialisesToItsApprovedFixtureAndTheFixtureReadsBackAsTheEvent() throws IOException {
        Map<Class<?>, Object> samples = ApprovedEvents.samples();
        assertThat(samples.keySet()).as("the sample history produces every event type")
                .containsExactlyInAnyOrderElementsOf(ApprovedEvents.types());
        List<String> written = new ArrayList<>();
        for (Class<?> type : ApprovedEvents.types()) {
            Object event = samples.get(type);
            String revision = ApprovedEvents.revision(type);
            String fixture = ApprovedEvents.fixture(type, revision);
            if (fixture == null) {
                Files.createDirectories(FIXTURES);
                Files.writeString(FIXTURES.resolve(ApprovedEvents.fixtureName(type, revision)),
                        ApprovedEvents.pretty(event), StandardCharsets.UTF_8);
                written.add(ApprovedEvents.fixtureName(type, revision));
                continue;
            }
            String stored = ApprovedEvents.SERIALIZER.serialize(event, String.class).getData();
            assertThat(ApprovedEvents.tree(stored)).as("%s serialised", type.getSimpleName())
                    .isEqualTo(ApprovedEvents.tree(fixture));
            assertThat(ApprovedEvents.read(type, revision, fixture)).as("%s read from its fixture",
                    type.getSimpleName()).isEqualTo(event);
        }
        assertThat(written).as("fixtures written for review (run again once reviewed)").isEmpty();
    }

    /** Every fixture of an older revision reads, through the upcasters in force, as the current fixture's event. */
    @Test
    void everyOlderRevisionReadsAsTheCurrentEvent() throws IOException {
        List<Class<?>> types = ApprovedEvents.types();
        int checked = 0;
        try (var files = Files.list(FIXTURES)) {
            for (Path file : files.toList()) {
                Matcher m = FIXTURE.matcher(file.getFileName().toString());
                assertThat(m.matches()).as("fixture name %s", file.getFileName()).isTrue();
                Class<?> type = types.stream().filter(t -> t.getSimpleName().equals(m.group(1))).findFirst()
                        .orElseThrow(() -> new AssertionError("no event type for fixture " + file.getFileName()));
                String current = ApprovedEvents.revision(type);
                if (!m.group(2).equals(current)) {
                    Object old = ApprovedEvents.read(type, m.group(2), Files.readString(file));
                    assertThat(old).as(file.getFileName().toString())
                            .isEqualTo(ApprovedEvents.read(type, current, ApprovedEvents.fixture(type, current)));
                    checked++;
                }
            }
        }
        assertThat(checked).as("older revisions checked").isGreaterThanOrEqualTo(0);
    }
}
