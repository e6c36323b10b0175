package vn.thidua.query.report;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.query.api.PageRequest;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.query.dashboard.CampaignDashboard;
import vn.thidua.query.dashboard.DashboardController;
import vn.thidua.query.dashboard.DashboardQueries;
import vn.thidua.service.security.Allowed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.AUDITOR;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.ORGANIZER;

/**
 * Printed and exported outputs: a decision's annex (PDF or XLSX) and a campaign's statistics report (XLSX). Built in
 * memory, then sent: a failure answers a problem document, never half a file. (The awards registry as XLSX is
 * {@code /api/awards/export?format=xlsx}.)
 */
@RestController
@Allowed({ORGANIZER, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN})
@PreAuthorize("isAuthenticated()")
public class ReportController {

    private static final String PDF = "application/pdf";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most units the follow-up sheet of one report lists. */
    private static final int MAX_FOLLOW_UP = 10_000;

    private final ReportQueries reports;
    private final DashboardController dashboards;

    public ReportController(ReportQueries reports, DashboardController dashboards) {
        this.reports = reports;
        this.dashboards = dashboards;
    }

    /**
     * The annex of the decision numbered {@code decision} as written ("1456/QĐ-UBND"); {@code date} (yyyy-mm-dd)
     * when several decisions share the number; {@code format} pdf (the default) or xlsx.
     */
    @GetMapping("/api/awards/annex")
    public void annex(@RequestParam(required = false) String decision, @RequestParam(required = false) String date,
                      @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        String number = QueryParameters.text("decision", decision);
        if (number == null || number.isBlank()) {
            throw new QueryExceptions.InvalidParameter("decision", "Cần số quyết định, ví dụ decision=1456/QĐ-UBND");
        }
        LocalDate day = null;
        if (date != null) {
            try {
                day = LocalDate.parse(QueryParameters.text("date", date).trim());
            } catch (DateTimeParseException e) {
                throw new QueryExceptions.InvalidParameter("date", "Ngày phải viết yyyy-mm-dd, ví dụ 2020-07-10");
            }
        }
        String kind = format(format, "pdf", "xlsx");
        DecisionAnnex annex = reports.annex(number.trim(), day);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind.equals("pdf")) {
            AnnexPdf.write(annex, out);
        } else {
            AnnexXlsx.write(annex, out);
        }
        send(response, out, kind.equals("pdf") ? PDF : XLSX, "danh-sach-" + fileName(number) + "." + kind);
    }

    /** A campaign's statistics report, as an agency sends it upward ({@code format}: xlsx). */
    @GetMapping("/api/dashboards/campaigns/{campaignId}/report")
    public void campaignReport(@PathVariable String campaignId, @RequestParam(required = false) String format,
                               HttpServletResponse response) throws IOException {
        format(format, "xlsx");
        CampaignDashboard dashboard = dashboards.campaign(campaignId);
        List<DashboardQueries.FollowUpUnit> units = new ArrayList<>();
        for (int page = 0; units.size() < MAX_FOLLOW_UP; page++) {
            var answer = dashboards.followUp(campaignId, null, page, PageRequest.MAX_SIZE).units();
            units.addAll(answer.items());
            if (answer.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CampaignReportXlsx.write(dashboard, units, out);
        send(response, out, XLSX, "bao-cao-" + campaignId + ".xlsx");
    }

    private static String format(String given, String... allowed) {
        String value = given == null ? allowed[0] : QueryParameters.text("format", given).trim()
                .toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        throw new QueryExceptions.InvalidParameter("format", "Định dạng phải là " + String.join(" hoặc ", allowed));
    }

    /** A decision number as a file name: letters and digits kept, the rest a dash. */
    private static String fileName(String number) {
        String name = number.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "quyet-dinh" : name;
    }

    private static void send(HttpServletResponse response, ByteArrayOutputStream out, String type, String name)
            throws IOException {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

}
