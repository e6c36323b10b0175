package vn.thidua.query.report;

import vn.thidua.query.web.Labels;

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

    /** An administrative level as documents name it (the pages' names). */
    static String level(String code) {
        return Labels.levelName(code);
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
