package vn.thidua.planimport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a plan writes it, with the precision it has: "ngày 12 tháng 02 năm 2020" and "12/02/2020" (a day),
 * "trong tháng 6/2020" (a month), "quý III/2021" (a quarter), "năm 2020" (a year). A date with its day or month left
 * blank ("ngày  tháng  năm 2019", a plan not yet numbered and dated) is a year at most. Dates are found on folded
 * text ({@link Fold}), where digits mistyped as letters ("2O2O", "l5") are read as digits.
 */
record WrittenDate(Precision precision, int year, int month, int day, int quarter) {

    enum Precision { DAY, MONTH, QUARTER, YEAR }

    /** A date found in a line: characters {@code start}–{@code end}; {@code blanks}: a day or month left blank. */
    record Found(WrittenDate date, int start, int end, boolean blanks) {
    }

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    private static final Pattern WORDS = Pattern.compile(
            "ngay\\s*(\\d{1,2})?\\s*[,.]?\\s*thang\\s*(\\d{1,2})?\\s*[,.]?\\s*nam\\s*(\\d{4})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.])(\\d{1,2})\\s?([/.-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})(?!\\d)");
    private static final Pattern MONTH = Pattern.compile(
            "thang\\s*(\\d{1,2})\\s*(?:[/.-]|\\s*nam)\\s*(\\d{4})(?!\\d)");
    private static final Pattern QUARTER = Pattern.compile(
            "quy\\s*(iv|i{1,3}|[1-4])\\s*(?:[/-]|\\s*nam)\\s*(\\d{4})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("nam\\s*(\\d{4})(?!\\d)");
    private static final Pattern DIGITS_AS_LETTERS = Pattern.compile("(?<![a-z])[0-9ol]*[0-9][0-9ol]*(?![a-z])");

    static WrittenDate day(int year, int month, int day) {
        return new WrittenDate(Precision.DAY, year, month, day, 0);
    }

    /** The first day it covers: the day a period starting then starts on. */
    LocalDate first() {
        return switch (precision) {
            case DAY -> LocalDate.of(year, month, day);
            case MONTH -> LocalDate.of(year, month, 1);
            case QUARTER -> LocalDate.of(year, quarter * 3 - 2, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The last day it covers: the day a deadline then falls on. */
    LocalDate last() {
        return switch (precision) {
            case DAY -> LocalDate.of(year, month, day);
            case MONTH -> YearMonth.of(year, month).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, quarter * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** As written, to its precision: 2020-06-15, 2020-06, 2021-Q3, 2020. */
    String asWritten() {
        return switch (precision) {
            case DAY -> first().toString();
            case MONTH -> YearMonth.of(year, month).toString();
            case QUARTER -> year + "-Q" + quarter;
            case YEAR -> String.valueOf(year);
        };
    }

    /**
     * Every date in a folded line, left to right, none overlapping (where two readings overlap, the longer one: "tháng
     * 15/6/2022" is the 15th of June, not a month 15).
     */
    static List<Found> findAll(String folded) {
        String text = digitsRepaired(folded);
        List<Found> all = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(3));
            if (m.group(1) != null && m.group(2) != null) {
                add(all, day(year, m.group(2), m.group(1)), m, false);
            } else if (m.group(2) != null) {
                add(all, month(year, Integer.parseInt(m.group(2))), m, true);
            } else {
                add(all, year(year), m, true);
            }
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            add(all, day(Integer.parseInt(m.group(4)), m.group(3), m.group(1)), m, false);
        }
        m = MONTH.matcher(text);
        while (m.find()) {
            add(all, month(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), m, false);
        }
        m = QUARTER.matcher(text);
        while (m.find()) {
            add(all, quarter(Integer.parseInt(m.group(2)), m.group(1)), m, false);
        }
        m = YEAR.matcher(text);
        while (m.find()) {
            add(all, year(Integer.parseInt(m.group(1))), m, false);
        }
        all.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
        List<Found> kept = new ArrayList<>();
        for (Found f : all) {
            if (kept.isEmpty() || f.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static void add(List<Found> all, WrittenDate date, Matcher m, boolean blanks) {
        if (date != null) {
            all.add(new Found(date, m.start(), m.end(), blanks));
        }
    }

    private static WrittenDate day(int year, String month, String day) {
        try {
            LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null; // 31/02, or a reference such as 15/7/2020 misread
        }
        return year < MIN_YEAR || year > MAX_YEAR ? null
                : day(year, Integer.parseInt(month), Integer.parseInt(day));
    }

    private static WrittenDate month(int year, int month) {
        return month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR ? null
                : new WrittenDate(Precision.MONTH, year, month, 0, 0);
    }

    private static WrittenDate quarter(int year, String quarter) {
        int q = switch (quarter) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
        };
        return year < MIN_YEAR || year > MAX_YEAR ? null : new WrittenDate(Precision.QUARTER, year, 0, 0, q);
    }

    static WrittenDate year(int year) {
        return year < MIN_YEAR || year > MAX_YEAR ? null : new WrittenDate(Precision.YEAR, year, 0, 0, 0);
    }

    /** "2O2O" and "l5/O7" as OCR gives them, read as 2020 and 15/07: o and l inside a run of digits are digits. */
    static String digitsRepaired(String folded) {
        Matcher m = DIGITS_AS_LETTERS.matcher(folded);
        StringBuilder out = new StringBuilder(folded);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                char c = out.charAt(i);
                out.setCharAt(i, c == 'o' ? '0' : c == 'l' ? '1' : c);
            }
        }
        return out.toString();
    }
}
