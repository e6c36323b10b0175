package vn.thidua.query.report;

import vn.thidua.domain.common.TargetGroup;
import vn.thidua.query.web.Labels;

import java.time.LocalDate;

/** What the printed and exported reports share with the pages: dates, levels and kinds as the pages write them. */
final class Reports {

    private Reports() {
    }

    static String date(LocalDate date) {
        return Labels.dateText(date);
    }

    /** An administrative level as documents name it (the pages' names). */
    static String level(String code) {
        return Labels.levelName(code);
    }

    static String kind(TargetGroup kind) {
        return kind == null ? "" : kind.label();
    }
}
