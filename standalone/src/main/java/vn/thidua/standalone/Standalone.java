package vn.thidua.standalone;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import vn.thidua.command.CommandServiceApplication;
import vn.thidua.ledger.export.VerifyCommand;
import vn.thidua.planimport.ImportPlanCommand;
import vn.thidua.query.QueryServiceApplication;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded default in one JVM: mongo-java-server (H2 file) on a loopback port, then command-service and
 * query-service as two Spring applications on their own ports, sharing nothing but the event store (an H2 file)
 * and the MongoDB server, exactly as they share Axon Server and MongoDB when deployed apart.
 * <p>
 * Options: {@code --demo} loads the demo scenario (once), {@code --thidua.data-dir} (./data),
 * {@code --thidua.command-port} (8081), {@code --thidua.query-port} (8082), {@code --thidua.mongo-port} (27018).
 * Any other option reaches both applications.
 */
public final class Standalone implements AutoCloseable {

    /** JobRunr is the command side's deadline store; the query side must not start a second job server. */
    static final String QUERY_EXCLUDES = String.join(",",
            "org.jobrunr.spring.autoconfigure.JobRunrAutoConfiguration",
            "org.jobrunr.spring.autoconfigure.storage.JobRunrInMemoryStorageAutoConfiguration",
            "org.jobrunr.spring.autoconfigure.storage.JobRunrMongoDBStorageAutoConfiguration",
            "org.jobrunr.spring.autoconfigure.storage.JobRunrDocumentDBStorageAutoConfiguration",
            "org.jobrunr.spring.autoconfigure.storage.JobRunrSqlStorageAutoConfiguration",
            "org.jobrunr.spring.autoconfigure.metrics.JobRunrMetricsAutoConfiguration");

    private final EmbeddedMongo mongo;
    private final ConfigurableApplicationContext command;
    private final ConfigurableApplicationContext query;
    private final Path dataDir;

    private Standalone(EmbeddedMongo mongo, ConfigurableApplicationContext command,
                       ConfigurableApplicationContext query, Path dataDir) {
        this.mongo = mongo;
        this.command = command;
        this.query = query;
        this.dataDir = dataDir;
    }

    public static Standalone start(String... args) {
        SimpleCommandLinePropertySource options = new SimpleCommandLinePropertySource(args);
        Path dataDir = Path.of(option(options, "thidua.data-dir", "./data")).toAbsolutePath().normalize();
        int mongoPort = Integer.parseInt(option(options, "thidua.mongo-port", "27018"));
        boolean demo = options.containsProperty("demo");

        // the resolved data directory replaces the option as given (Spring would join two values with a comma)
        List<String> shared = new ArrayList<>(Arrays.stream(args)
                .filter(a -> !a.equals("--demo") && !a.startsWith("--thidua.data-dir=")).toList());
        shared.add("--thidua.data-dir=" + dataDir);

        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("readmodels").resolve("mongo.mv"), mongoPort);
        ConfigurableApplicationContext command = null;
        try {
            List<String> commandArgs = new ArrayList<>(shared);
            commandArgs.add("--server.port=" + option(options, "thidua.command-port", "8081"));
            commandArgs.add("--thidua.demo.enabled=" + demo);
            command = CommandServiceApplication.builder().run(commandArgs.toArray(String[]::new));

            List<String> queryArgs = new ArrayList<>(shared);
            queryArgs.add("--server.port=" + option(options, "thidua.query-port", "8082"));
            queryArgs.add("--spring.data.mongodb.uri=" + mongo.uri());
            queryArgs.add("--spring.autoconfigure.exclude=" + QUERY_EXCLUDES);
            ConfigurableApplicationContext query = QueryServiceApplication.builder()
                    .run(queryArgs.toArray(String[]::new));
            return new Standalone(mongo, command, query, dataDir);
        } catch (RuntimeException e) {
            if (command != null) {
                command.close();
            }
            mongo.close();
            throw e;
        }
    }

    private static String option(SimpleCommandLinePropertySource options, String name, String otherwise) {
        String value = options.getProperty(name);
        return value == null ? otherwise : value;
    }

    public int commandPort() {
        return Integer.parseInt(command.getEnvironment().getProperty("local.server.port"));
    }

    public int queryPort() {
        return Integer.parseInt(query.getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext command() {
        return command;
    }

    public ConfigurableApplicationContext query() {
        return query;
    }

    /** What the console shows once everything runs. */
    public String banner() {
        return String.join(System.lineSeparator(),
                "",
                "thidua đang chạy (embedded default)",
                "  Lệnh (command API):   http://localhost:" + commandPort() + "/api/campaigns  (POST …)",
                "  Truy vấn (query API): http://localhost:" + queryPort() + "/api/campaigns  (GET …)",
                "  Sức khỏe (health):    http://localhost:" + queryPort() + "/actuator/health",
                "  Luồng sự kiện (event feed, CloudEvents): http://localhost:" + queryPort() + "/api/events",
                "  Đọc kế hoạch thành bản nháp (.docx/text): http://localhost:" + commandPort() + "/api/plan-drafts"
                        + "  (POST)",
                "  MongoDB (read models, any client): " + mongo.uri(),
                "  Người dùng mẫu (HTTP Basic, mật khẩu \"demo\"): organizer, unit (đơn vị demo-unit), inspector,"
                        + " council, approver, auditor, admin, integration",
                "  Dữ liệu (data): " + dataDir + "  (events: command/events.mv.db, read models: readmodels/mongo.mv)",
                "");
    }

    @Override
    public void close() {
        query.close();
        command.close();
        mongo.close();
    }

    /**
     * Starts the platform; {@code verify …} instead runs the offline verifier of exports and tree heads
     * ({@link VerifyCommand}: no server, no database), and {@code import-plan <file>} prints the draft of a plan
     * ({@link ImportPlanCommand}: no server either); each exits with its status.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyCommand.NAME)) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), out));
        }
        if (args.length > 0 && args[0].equals(ImportPlanCommand.NAME)) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            System.exit(ImportPlanCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err));
        }
        Standalone platform = start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "thidua-shutdown"));
        System.out.println(platform.banner());
    }
}
