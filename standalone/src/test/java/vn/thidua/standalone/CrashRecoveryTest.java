package vn.thidua.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.domain.testing.Waiting;
import vn.thidua.command.Api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the embedded default while its projections are busy, then a restart: the read models must equal what a
 * from-scratch rebuild of the same events gives, byte for byte.
 */
class CrashRecoveryTest {

    @TempDir
    Path data;

    @Test
    void afterKillNineTheReadModelsEqualARebuild() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Daxoniq.update-checker.disabled=true",
                Standalone.class.getName(), "--demo", "--thidua.data-dir=" + data, "--thidua.command-port=0",
                "--thidua.query-port=0", "--thidua.mongo-port=0", "--thidua.query.batch-size=3")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            String line;
            while ((line = out.readLine()) != null && !line.contains("thidua đang chạy")) {
                assertThat(Instant.now()).as("child started its processors").isBefore(deadline);
            }
            assertThat(line).as("child output ended before its processors started").isNotNull();
            Waiting.sleep(150); // the processors are mid-way through the demo's events
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
        }

        try (Standalone platform = ReadModelSnapshots.start(data)) {
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            Map<String, List<String>> recovered = ReadModelSnapshots.of(platform.query());
            assertThat(recovered.get("campaigns")).hasSize(4);

            Api admin = new Api(platform.queryPort());
            for (String processor : List.of("read-models", "audit")) {
                assertThat(admin.post("admin", "/api/admin/processors/" + processor + "/replay", Map.of()).status())
                        .isEqualTo(202);
            }
            ReadModelSnapshots.awaitCaughtUp(platform.query());
            assertThat(ReadModelSnapshots.of(platform.query())).isEqualTo(recovered);
        }
    }
}
