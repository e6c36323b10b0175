package vn.thidua.query.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.query.dashboard.CampaignDashboard;
import vn.thidua.query.dashboard.DashboardQueries;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A campaign's statistics report as the standing agency sends it upward: one sheet, numbered sections as a report
 * to the higher level is laid out (participation; inspections; reports per milestone; proposals by step; quota per
 * form; awards by form, level and achievement year; the units to follow up), then the units to follow up in full on
 * a second sheet. Every figure is the dashboard's, and the position it reflects is written under the title.
 */
public final class CampaignReportXlsx {

    private static final int COLUMNS = 6;

    private CampaignReportXlsx() {
    }

    public static void write(CampaignDashboard d, List<DashboardQueries.FollowUpUnit> followUp, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles s = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Báo cáo thống kê");
            for (int i = 0; i < COLUMNS; i++) {
                sheet.setColumnWidth(i, (i == 0 ? 44 : 16) * 256);
            }
            int[] r = {0};
            merged(sheet, r, s.title, "BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA");
            merged(sheet, r, s.subtitle, d.title());
            merged(sheet, r, s.subtitle, "Kế hoạch số " + d.documentNumber() + " của " + d.issuer()
                    + (d.period() == null ? "" : "; thời gian " + Reports.date(d.period().start()) + " – "
                    + Reports.date(d.period().end())));
            merged(sheet, r, s.subtitle, "Số liệu đến ngày " + Reports.date(d.today()) + " (sự kiện số "
                    + d.reflects().position() + ")");
            r[0]++;
            section(sheet, r, s, "I. Tham gia phong trào", List.of("Chỉ tiêu", "Số lượng"));
            CampaignDashboard.Participation p = d.participation();
            line(sheet, r, s, "Đơn vị đăng ký thi đua", p.registered());
            line(sheet, r, s, "Đơn vị đã đăng ký công trình, phần việc", p.unitsWithWorks());
            line(sheet, r, s, "Đơn vị chưa đăng ký công trình, phần việc", p.unitsWithoutWorks());
            line(sheet, r, s, "Công trình, phần việc đăng ký", p.pledgedWorks());
            line(sheet, r, s, "Trong đó đăng ký sau hạn", p.lateWorks());
            line(sheet, r, s, "Đơn vị có báo cáo quá hạn", p.unitsOverdue());
            section(sheet, r, s, "II. Kiểm tra", List.of("Xếp loại", "Số lượt"));
            for (InspectionRating rating : InspectionRating.values()) {
                line(sheet, r, s, rating.label(), d.inspections().byRating().getOrDefault(rating.name(), 0));
            }
            line(sheet, r, s, "Tổng số lượt kiểm tra", d.inspections().total());
            section(sheet, r, s, "III. Báo cáo theo mốc", List.of("Mốc (hạn)", "Đúng hạn", "Muộn", "Quá hạn",
                    "Chưa nộp"));
            for (CampaignDashboard.MilestoneState m : d.milestones()) {
                if (m.reports() != null) {
                    Row row = sheet.createRow(r[0]++);
                    Workbooks.cell(row, 0, m.kindLabel() + " (" + Reports.date(m.dueDate()) + ")", s.cell);
                    Workbooks.cell(row, 1, m.reports().onTime(), s.number);
                    Workbooks.cell(row, 2, m.reports().late(), s.number);
                    Workbooks.cell(row, 3, m.reports().overdue(), s.number);
                    Workbooks.cell(row, 4, m.reports().missing(), s.number);
                }
            }
            section(sheet, r, s, "IV. Đề nghị khen thưởng theo bước", List.of("Bước", "Số đề nghị"));
            for (CampaignDashboard.Step step : d.proposals().steps()) {
                line(sheet, r, s, capitalized(step.label()), step.count());
            }
            line(sheet, r, s, "Đang chờ xét", d.proposals().waiting());
            section(sheet, r, s, "V. Chỉ tiêu khen thưởng", List.of("Hình thức, đối tượng", "Chỉ tiêu", "Đã dùng",
                    "Còn lại"));
            for (CampaignDashboard.Quota q : d.quotas()) {
                quota(sheet, r, s, q.form() + " – tập thể", q.pending(), q.collectives());
                quota(sheet, r, s, q.form() + " – cá nhân", q.pending(), q.individuals());
            }
            section(sheet, r, s, "VI. Khen thưởng theo hình thức, cấp và năm thành tích", List.of(
                    "Hình thức (cấp)", "Năm thành tích", "Đã khen", "Đã hủy", "Còn hiệu lực"));
            for (CampaignDashboard.AwardCount a : d.awardsByYear()) {
                Row row = sheet.createRow(r[0]++);
                Workbooks.cell(row, 0, a.form() + (a.level() == null ? "" : " (" + Reports.level(a.level()) + ")"), s.cell);
                Workbooks.cell(row, 1, a.achievementYear(), s.number);
                Workbooks.cell(row, 2, a.granted(), s.number);
                Workbooks.cell(row, 3, a.revoked(), s.number);
                Workbooks.cell(row, 4, a.granted() - a.revoked(), s.number);
            }
            section(sheet, r, s, "VII. Đơn vị cần đôn đốc", List.of("Lý do", "Số đơn vị"));
            line(sheet, r, s, "Có báo cáo quá hạn", d.followUp().get("OVERDUE"));
            line(sheet, r, s, "Chưa nộp báo cáo nào", d.followUp().get("NO_REPORT"));
            line(sheet, r, s, "Chưa đăng ký công trình, phần việc", d.followUp().get("NO_WORK"));
            Sheet units = workbook.createSheet("Đơn vị cần đôn đốc");
            units.setColumnWidth(0, 40 * 256);
            units.setColumnWidth(1, 60 * 256);
            int u = 0;
            Row head = units.createRow(u++);
            Workbooks.cell(head, 0, "Đơn vị", s.heading);
            Workbooks.cell(head, 1, "Lý do", s.heading);
            for (DashboardQueries.FollowUpUnit unit : followUp) {
                Row row = units.createRow(u++);
                Workbooks.cell(row, 0, unit.unitName(), s.cell);
                Workbooks.cell(row, 1, String.join("; ", unit.reasonLabels()), s.cell);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void quota(Sheet sheet, int[] r, Styles s, String what, boolean pending,
                              vn.thidua.projections.campaigns.CampaignView.Bucket bucket) {
        Row row = sheet.createRow(r[0]++);
        Workbooks.cell(row, 0, what, s.cell);
        if (pending) {
            Workbooks.cell(row, 1, "chờ phân bổ", s.cell);
        } else if (bucket.limit == null) {
            Workbooks.cell(row, 1, "không giới hạn", s.cell);
        } else {
            Workbooks.cell(row, 1, bucket.limit, s.number);
        }
        Workbooks.cell(row, 2, bucket.used, s.number);
        if (bucket.remaining == null) {
            Workbooks.cell(row, 3, "", s.cell);
        } else {
            Workbooks.cell(row, 3, bucket.remaining, s.number);
        }
    }

    private static void merged(Sheet sheet, int[] r, CellStyle style, String text) {
        Workbooks.cell(sheet.createRow(r[0]), 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r[0], r[0], 0, COLUMNS - 1));
        r[0]++;
    }

    private static void section(Sheet sheet, int[] r, Styles s, String title, List<String> headings) {
        r[0]++;
        Workbooks.cell(sheet.createRow(r[0]++), 0, title, s.section);
        Row head = sheet.createRow(r[0]++);
        for (int i = 0; i < headings.size(); i++) {
            Workbooks.cell(head, i, headings.get(i), s.heading);
        }
    }

    private static void line(Sheet sheet, int[] r, Styles s, String what, int value) {
        Row row = sheet.createRow(r[0]++);
        Workbooks.cell(row, 0, what, s.cell);
        Workbooks.cell(row, 1, value, s.number);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle section;
        final CellStyle heading;
        final CellStyle cell;
        final CellStyle number;

        Styles(XSSFWorkbook workbook) {
            title = Workbooks.style(workbook, true, 13, HorizontalAlignment.CENTER, false);
            subtitle = Workbooks.style(workbook, false, 11, HorizontalAlignment.CENTER, false);
            section = Workbooks.style(workbook, true, 11, HorizontalAlignment.LEFT, false);
            heading = Workbooks.style(workbook, true, 10, HorizontalAlignment.CENTER, true);
            cell = Workbooks.style(workbook, false, 10, HorizontalAlignment.LEFT, true);
            number = Workbooks.style(workbook, false, 10, HorizontalAlignment.RIGHT, true);
        }
    }
}
