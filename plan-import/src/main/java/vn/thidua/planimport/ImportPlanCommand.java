package vn.thidua.planimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import vn.thidua.domain.common.EventJson;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar thidua.jar import-plan <plan.docx|plan.txt>}: prints the draft of a plan (the JSON
 * {@code POST /api/plan-drafts} answers), with no server. Exit status 0 with a draft, 1 when the file cannot be read
 * as a plan, 2 when the command is wrong.
 */
public final class ImportPlanCommand {

    public static final String NAME = "import-plan";

    static final String USAGE = String.join(System.lineSeparator(),
            "Cách dùng: java -jar thidua.jar import-plan <tệp kế hoạch .docx hoặc .txt (UTF-8)>",
            "  In ra bản nháp kế hoạch (JSON): các trường đọc được, vị trí trong văn bản, độ tin cậy,",
            "  và các trường để trống kèm lý do. Sửa bản nháp rồi gửi POST /api/campaigns để phát động.");

    private static final ObjectMapper JSON = EventJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImportPlanCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
    }

    /** Runs the command; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("--")) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[0]);
        try {
            if (!Files.isRegularFile(file)) {
                err.println("Không có tệp " + file);
                return 1;
            }
            if (Files.size(file) > PlanImporter.MAX_BYTES) {
                err.println("Tệp " + file + " lớn hơn " + PlanImporter.MAX_BYTES / 1024 / 1024 + " MiB");
                return 1;
            }
            out.println(json(PlanImporter.read(Files.readAllBytes(file))));
            return 0;
        } catch (PlanImportException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Không đọc được " + file + ": " + e.getMessage());
            return 1;
        }
    }

    static String json(PlanDraft draft) {
        try {
            return JSON.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
