package vn.thidua.query.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** What the printed and exported reports share: dates as Vietnamese documents write them. */
final class Reports {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Reports() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An administrative level as documents name it; a code the platform does not know is shown as it is. */
    static String level(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "COMMUNE" -> "Cấp xã";
            case "DISTRICT" -> "Cấp huyện";
            case "PROVINCE" -> "Cấp tỉnh";
            case "MINISTRY" -> "Cấp bộ, ngành";
            case "CENTRAL" -> "Trung ương";
            default -> code;
        };
    }

    static String kind(Object kind) {
        return switch (String.valueOf(kind)) {
            case "COLLECTIVE" -> "Tập thể";
            case "INDIVIDUAL" -> "Cá nhân";
            case "HOUSEHOLD" -> "Hộ gia đình";
            default -> "";
        };
    }
}
