package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.command.Api;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed and exported outputs of the demo: the annex of decision 1457/QĐ-UBND (Thủ Thừa, five individuals, one
 * award revoked since) as PDF (its text extracted by PDFBox, its font embedded, its first page rendered to PNG and
 * looked at) and as XLSX; Bố Trạch's statistics report as XLSX against its dashboard; refusals.
 */
class ReportsTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final List<String> NOMINEES = List.of("Nguyễn Thị Hồng", "Trần Văn Phúc", "Lê Minh Tâm",
            "Phạm Thị Thu Hà", "Võ Văn Đức");

    @TempDir
    static Path data;
    static Standalone platform;
    static Api api;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = ReadModelSnapshots.start(data, "--demo");
        ReadModelSnapshots.awaitCaughtUp(platform.query());
        api = new Api(platform.queryPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static HttpResponse<byte[]> get(String user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + platform.queryPort() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String annexPath(String number, String format) {
        return "/api/awards/annex?decision=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&format=" + format;
    }

    @Test
    void theAnnexOfADecisionPrintsInVietnameseAsPdf() throws Exception {
        HttpResponse<byte[]> answer = get("organizer", annexPath("1457/QĐ-UBND", "pdf"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // lines wrap in cells
            assertThat(text).contains("DANH SÁCH KHEN THƯỞNG")
                    .contains("Kèm theo Quyết định số 1457/QĐ-UBND ngày 10/07/2020")
                    .contains("Hoàn thành xuất sắc nhiệm vụ chuẩn bị và phục vụ Đại hội")
                    .contains("Đã hủy theo Quyết định số 312/QĐ-UBND ngày 15/03/2021")
                    .contains("Tổng cộng: 5 (0 tập thể, 5 cá nhân)").contains("Giấy khen (Cấp huyện)");
            NOMINEES.forEach(name -> assertThat(text).contains(name));
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
            Files.createDirectories(SHOTS);
            ImageIO.write(image, "png", SHOTS.resolve("annex-1457-QD-UBND.png").toFile());
            long dark = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    int rgb = image.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("ink on the rendered page").isGreaterThan(5_000);
        }
    }

    @Test
    void theAnnexAsXlsxListsTheSameNominees() throws Exception {
        HttpResponse<byte[]> answer = get("auditor", annexPath("1457/QĐ-UBND", "xlsx"));
        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            List<String> cells = cells(workbook.getSheetAt(0));
            NOMINEES.forEach(name -> assertThat(cells).contains(name));
            assertThat(cells).contains("DANH SÁCH KHEN THƯỞNG", "Đã hủy theo Quyết định số 312/QĐ-UBND ngày 15/03/2021");
        }
    }

    @Test
    void aCampaignsStatisticsReportCarriesItsDashboardsFigures() throws Exception {
        JsonNode dashboard = api.get("organizer", "/api/dashboards/campaigns/bo-trach-2020").body();
        HttpResponse<byte[]> answer = get("organizer", "/api/dashboards/campaigns/bo-trach-2020/report?format=xlsx");
        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet report = workbook.getSheetAt(0);
            assertThat(value(report, "Đơn vị đăng ký thi đua"))
                    .isEqualTo(dashboard.get("participation").get("registered").asText());
            assertThat(value(report, "Công trình, phần việc đăng ký"))
                    .isEqualTo(dashboard.get("participation").get("pledgedWorks").asText());
            assertThat(value(report, "Tổng số lượt kiểm tra"))
                    .isEqualTo(dashboard.get("inspections").get("total").asText());
            assertThat(value(report, "Đang chờ xét")).isEqualTo(dashboard.get("proposals").get("waiting").asText());
            assertThat(value(report, "Có báo cáo quá hạn"))
                    .isEqualTo(dashboard.get("followUp").get("OVERDUE").asText());
            assertThat(cells(report)).contains(dashboard.get("title").asText());
            Sheet units = workbook.getSheetAt(1);
            int listed = units.getLastRowNum(); // below the heading
            JsonNode followUp = api.get("organizer", "/api/dashboards/campaigns/bo-trach-2020/follow-up?size=200")
                    .body();
            assertThat(listed).isEqualTo(followUp.get("units").get("total").asInt());
        }
    }

    @Test
    void whatIsRefused() throws Exception {
        assertThat(get("organizer", annexPath("9999/QĐ-KHONG", "pdf")).statusCode()).isEqualTo(404);
        assertThat(get("organizer", annexPath("1457/QĐ-UBND", "docx")).statusCode()).isEqualTo(400);
        assertThat(get("organizer", "/api/awards/annex?format=pdf").statusCode()).isEqualTo(400);
        assertThat(get("organizer", annexPath("1457/QĐ-UBND", "pdf") + "&date=10-07-2020").statusCode())
                .isEqualTo(400);
        assertThat(get("organizer", annexPath("1457/QĐ-UBND", "pdf") + "&date=2020-07-11").statusCode())
                .isEqualTo(404);
        assertThat(get("unit", annexPath("1457/QĐ-UBND", "pdf")).statusCode()).isEqualTo(403);
        assertThat(get("unit", "/api/dashboards/campaigns/bo-trach-2020/report").statusCode()).isEqualTo(403);
        assertThat(get("organizer", "/api/dashboards/campaigns/nowhere/report").statusCode()).isEqualTo(404);
    }

    private static List<String> cells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                cells.add(format.formatCellValue(cell));
            }
        }
        return cells;
    }

    /** The value beside a label in the report's first column. */
    private static String value(Sheet sheet, String label) {
        DataFormatter format = new DataFormatter();
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(format.formatCellValue(row.getCell(0)))) {
                return format.formatCellValue(row.getCell(1));
            }
        }
        throw new AssertionError("no row " + label);
    }
}
