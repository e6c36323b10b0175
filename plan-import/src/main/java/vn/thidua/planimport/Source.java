package vn.thidua.planimport;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a field of a draft came from: the line (1-based) and the characters {@code start}–{@code end} (end exclusive)
 * of the text as read ({@link PlanText}), the words found there, and how sure the reading is (0–1). A date the plan
 * gives with less than a day ({@code precision} MONTH, QUARTER or YEAR) keeps it, with the date {@code asWritten}
 * ("2020-06", "2021-Q3", "2020"); the draft's field holds the day a launch needs (a due date: the last day; a period's
 * start: the first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(int line, int start, int end, String text, double confidence, String precision,
                     String asWritten) {

    Source(int line, int start, int end, String text, double confidence) {
        this(line, start, end, text, confidence, null, null);
    }

    Source withConfidence(double value) {
        return new Source(line, start, end, text, value, precision, asWritten);
    }

    Source withDate(WrittenDate date) {
        return new Source(line, start, end, text, confidence, date.precision().name(), date.asWritten());
    }

    /** This source and {@code other} as one span (a title over two lines). */
    Source through(Source other) {
        return new Source(line, start, Math.max(end, other.end), text + " " + other.text, Math.min(confidence,
                other.confidence), precision, asWritten);
    }
}
