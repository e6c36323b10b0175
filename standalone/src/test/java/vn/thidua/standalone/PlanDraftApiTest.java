package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/plan-drafts} against the running embedded default: a plan as text and as a .docx reads into the
 * same draft, every source points into the text it answers, nothing is stored, and the draft, its blanks filled,
 * launches through {@code POST /api/campaigns}; the command line ({@code import-plan}, in its own JVM as the jar runs
 * it) prints the same draft; what is no plan, or too big, or sent by someone not an organizer, is refused.
 */
class PlanDraftApiTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final List<String> HEADER = List.of("UBND TỈNH QUẢNG BÌNH", "SỞ NỘI VỤ", "Số: 245/KH-SNV");
    static final List<String> HEADER_RIGHT = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Quảng Bình, ngày 10 tháng 3 năm 2026");
    static final List<String> BODY = List.of(
            "KẾ HOẠCH",
            "Tổ chức đợt thi đua cao điểm \"Cải cách hành chính, chuyển đổi số\" năm 2026",
            "",
            "Thực hiện chương trình công tác năm 2026, Sở Nội vụ ban hành Kế hoạch như sau:",
            "",
            "I. ĐỐI TƯỢNG, THỜI GIAN",
            "1. Đối tượng: các phòng, đơn vị thuộc Sở; công chức, viên chức, người lao động.",
            "2. Thời gian: từ ngày 15/3/2026 đến ngày 30/11/2026.",
            "II. KHEN THƯỞNG",
            "Giám đốc Sở Nội vụ tặng Giấy khen cho 04 tập thể và 12 cá nhân có thành tích xuất sắc.",
            "Hồ sơ đề nghị khen thưởng cấp tỉnh gồm: 01 Tờ trình, 01 Biên bản họp, 03 Báo cáo thành tích.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Văn phòng Sở",
            "- Kiểm tra việc triển khai tại các đơn vị trong tháng 7/2026.",
            "- Tổng kết đợt thi đua, hoàn thành trước ngày 15/12/2026.",
            "",
            "Nơi nhận:",
            "- UBND tỉnh (b/c);",
            "- Các phòng, đơn vị thuộc Sở;",
            "- Lưu: VT, VP.",
            "",
            "GIÁM ĐỐC",
            "",
            "Hoàng Minh Đức");

    @TempDir
    static Path data;
    @TempDir
    static Path files;
    static Standalone platform;
    static Api commands;
    static Api queries;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data);
        commands = new Api(platform.commandPort());
        queries = new Api(platform.queryPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static String text() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            lines.add(HEADER.get(i) + "\t" + HEADER_RIGHT.get(i));
        }
        lines.add("");
        lines.addAll(BODY);
        return String.join("\n", lines) + "\n";
    }

    /** The same plan as Word lays it out: the header in a two-column table, then a paragraph per line. */
    static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = document.createTable(1, 2);
            for (int column = 0; column < 2; column++) {
                List<String> lines = column == 0 ? HEADER : HEADER_RIGHT;
                var cell = table.getRow(0).getCell(column);
                cell.getParagraphs().get(0).createRun().setText(lines.get(0));
                lines.subList(1, lines.size()).forEach(line -> cell.addParagraph().createRun().setText(line));
            }
            BODY.forEach(line -> document.createParagraph().createRun().setText(line));
            document.write(out);
            return out.toByteArray();
        }
    }

    private static long storedEvents() {
        var token = platform.command().getBean(EventStore.class).createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Test
    void aPlanAsTextBecomesADraftThatLaunchesOnceCorrected() throws Exception {
        long before = storedEvents();
        Api.Response answer = commands.post("organizer", "/api/plan-drafts", "text/plain; charset=UTF-8",
                text().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode plan = answer.body().get("plan");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("245/KH-SNV");
        assertThat(plan.get("issuer").get("name").asText()).isEqualTo("Sở Nội vụ tỉnh Quảng Bình");
        assertThat(plan.get("issuer").get("level").asText()).isEqualTo("PROVINCE");
        assertThat(plan.get("issueDate").asText()).isEqualTo("2026-03-10");
        assertThat(plan.get("kind").asText()).isEqualTo("PEAK");
        assertThat(plan.get("period").get("start").asText()).isEqualTo("2026-03-15");
        assertThat(plan.get("period").get("end").asText()).isEqualTo("2026-11-30");
        assertThat(plan.get("awardSchemes").get(0).get("quota").get("collectives").asInt()).isEqualTo(4);
        assertThat(plan.get("awardSchemes").get(0).get("approvalThreshold").isNull()).isTrue();
        assertThat(plan.get("milestones")).hasSize(2);
        assertThat(plan.get("signer").get("name").asText()).isEqualTo("Hoàng Minh Đức");
        assertThat(plan.get("signer").get("onBehalfOf").isNull()).isTrue();
        assertThat(plan.get("distributionList")).hasSize(3);
        String text = answer.body().get("text").asText();
        answer.body().get("sources").fields().forEachRemaining(field -> {
            JsonNode source = field.getValue();
            String read = text.substring(source.get("start").asInt(), source.get("end").asInt());
            assertThat(read.replaceAll("\\s+", " ")).as(field.getKey()).contains(source.get("text").asText()
                    .split(" ")[0]);
            assertThat(source.get("confidence").asDouble()).isBetween(0.0, 1.0);
        });
        assertThat(answer.body().get("blanks").toString()).contains("approvalThreshold");
        assertThat(storedEvents()).as("a draft stores nothing").isEqualTo(before);

        ObjectNode corrected = (ObjectNode) plan.deepCopy();
        for (JsonNode scheme : corrected.get("awardSchemes")) {
            ((ObjectNode) scheme).set("approvalThreshold", JSON.readTree("{\"ratio\": 0.5, \"strict\": true}"));
        }
        Api.Response launched = commands.post("organizer", "/api/campaigns", Map.of("plan", corrected));
        assertThat(launched.status()).as(launched.text()).isEqualTo(201);
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        Api.Response campaign = queries.get("organizer", "/api/campaigns/" + launched.body().get("id").asText());
        assertThat(campaign.status()).isEqualTo(200);
        assertThat(campaign.text()).contains("Cải cách hành chính, chuyển đổi số", "Sở Nội vụ tỉnh Quảng Bình");
    }

    @Test
    void aDocxReadsAsItsTextAndTheCommandLinePrintsTheSameDraft() throws Exception {
        byte[] docx = docx();
        Api.Response fromDocx = commands.post("organizer", "/api/plan-drafts", DOCX, docx);
        assertThat(fromDocx.status()).as(fromDocx.text()).isEqualTo(200);
        Api.Response fromText = commands.post("organizer", "/api/plan-drafts", "text/plain",
                text().getBytes(StandardCharsets.UTF_8));
        assertThat(fromDocx.body().get("plan")).isEqualTo(fromText.body().get("plan"));

        Path file = files.resolve("ke-hoach.docx");
        Files.write(file, docx);
        String[] printed = importPlan(file.toString());
        assertThat(printed[0]).isEqualTo("0");
        assertThat(JSON.readTree(printed[1]).get("plan")).isEqualTo(fromDocx.body().get("plan"));
        assertThat(importPlan(files.resolve("missing.docx").toString())[0]).isEqualTo("1");
        Path latin1 = files.resolve("latin1.txt");
        Files.write(latin1, "Kế hoạch".getBytes(StandardCharsets.UTF_16LE));
        assertThat(importPlan(latin1.toString())[0]).isEqualTo("1");
        assertThat(importPlan()[0]).isEqualTo("2");
    }

    /** {@code import-plan} in a JVM of its own, as {@code java -jar thidua.jar import-plan} runs: status, stdout. */
    static String[] importPlan(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Standalone.class.getName(), "import-plan"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.getInputStream().transferTo(out);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[]{String.valueOf(child.exitValue()), out.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void whatIsNoPlanOrNotAnOrganizersIsRefusedAndNothingIsStored() {
        long before = storedEvents();
        byte[] plan = text().getBytes(StandardCharsets.UTF_8);
        assertThat(commands.post("unit", "/api/plan-drafts", "text/plain", plan).status()).isEqualTo(403);
        assertThat(commands.post(null, "/api/plan-drafts", "text/plain", plan).status()).isEqualTo(401);
        Api.Response json = commands.post("organizer", "/api/plan-drafts", "application/json", plan);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.text()).contains(".docx");
        assertThat(commands.post("organizer", "/api/plan-drafts", "text/plain; charset=ISO-8859-1", plan).status())
                .isEqualTo(415);
        Api.Response notUtf8 = commands.post("organizer", "/api/plan-drafts", "text/plain",
                new byte[]{'K', (byte) 0xE9, ' ', 'h'});
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.code()).isEqualTo("unreadable-plan");
        assertThat(notUtf8.body().get("detail").asText()).contains("UTF-8");
        Api.Response notADocx = commands.post("organizer", "/api/plan-drafts", DOCX, new byte[]{'P', 'K', 3, 4, 9});
        assertThat(notADocx.status()).isEqualTo(400);
        assertThat(notADocx.code()).isEqualTo("unreadable-plan");
        Api.Response word97 = commands.post("organizer", "/api/plan-drafts", DOCX,
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThat(word97.status()).isEqualTo(400);
        assertThat(word97.body().get("detail").asText()).contains(".docx");
        Api.Response tooBig = commands.post("organizer", "/api/plan-drafts", "text/plain",
                new byte[5 * 1024 * 1024 + 1]);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
