package vn.thidua.standalone;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The embedded default in a child JVM, so that a test can kill it with SIGKILL or stop it with SIGTERM. */
final class ChildPlatform {

    private static final Pattern COMMAND_PORT = Pattern.compile("command API\\):\\s+http://localhost:(\\d+)/");
    private static final Pattern QUERY_PORT = Pattern.compile("query API\\):\\s+http://localhost:(\\d+)/");

    final Process process;
    final int commandPort;
    final int queryPort;

    private ChildPlatform(Process process, int commandPort, int queryPort) {
        this.process = process;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
    }

    /** Starts the platform on {@code data} and returns once it prints its banner. */
    static ChildPlatform start(Path data, String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "-Daxoniq.update-checker.disabled=true",
                Standalone.class.getName(), "--thidua.data-dir=" + data, "--thidua.command-port=0",
                "--thidua.query-port=0", "--thidua.mongo-port=0"));
        for (String arg : extraArgs) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        int commandPort = -1;
        int queryPort = -1;
        String line;
        while (queryPort < 0 && (line = out.readLine()) != null) {
            if (Instant.now().isAfter(deadline)) {
                child.destroyForcibly();
                throw new AssertionError("child did not start in time");
            }
            Matcher c = COMMAND_PORT.matcher(line);
            if (c.find()) {
                commandPort = Integer.parseInt(c.group(1));
            }
            Matcher q = QUERY_PORT.matcher(line);
            if (q.find()) {
                queryPort = Integer.parseInt(q.group(1));
            }
        }
        if (queryPort < 0) {
            throw new AssertionError("child output ended before it started (exit " + child.waitFor() + ")");
        }
        // keep draining the child's output so that it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (Exception ignored) {
                // the child died
            }
        }, "child-output");
        drain.setDaemon(true);
        drain.start();
        return new ChildPlatform(child, commandPort, queryPort);
    }

    /** SIGTERM (as a service manager stops it), and wait until the process is gone. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the platform did not stop within 120 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
