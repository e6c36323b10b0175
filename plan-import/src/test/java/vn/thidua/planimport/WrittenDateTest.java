package vn.thidua.planimport;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form of date the issue names, with the precision it has. */
class WrittenDateTest {

    private static WrittenDate only(String text) {
        List<WrittenDate.Found> found = WrittenDate.findAll(Fold.of(text));
        assertThat(found).as(text).hasSize(1);
        return found.get(0).date();
    }

    @Test
    void aDayInWordsOrInFigures() {
        assertThat(only("Bố Trạch, ngày 12 tháng 02 năm 2020").first()).isEqualTo(LocalDate.of(2020, 2, 12));
        assertThat(only("hoàn thành trước 12/02/2020").asWritten()).isEqualTo("2020-02-12");
        assertThat(only("trước ngày 15/7/2020.").last()).isEqualTo(LocalDate.of(2020, 7, 15));
        assertThat(only("ngày 15-07-2020").asWritten()).isEqualTo("2020-07-15");
        assertThat(only("ngày 15.7.2020").asWritten()).isEqualTo("2020-07-15");
    }

    @Test
    void aMonthAQuarterAYearKeepTheirPrecision() {
        WrittenDate june = only("trong tháng 6/2020");
        assertThat(june.precision()).isEqualTo(WrittenDate.Precision.MONTH);
        assertThat(june.asWritten()).isEqualTo("2020-06");
        assertThat(june.first()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(june.last()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(only("đến hết tháng 02 năm 2024").last()).isEqualTo(LocalDate.of(2024, 2, 29));
        WrittenDate q3 = only("trong quý III/2021");
        assertThat(q3.precision()).isEqualTo(WrittenDate.Precision.QUARTER);
        assertThat(q3.asWritten()).isEqualTo("2021-Q3");
        assertThat(q3.first()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(q3.last()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(only("quý 4 năm 2022").asWritten()).isEqualTo("2022-Q4");
        WrittenDate year = only("trong năm 2020");
        assertThat(year.precision()).isEqualTo(WrittenDate.Precision.YEAR);
        assertThat(year.last()).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void aDateWithItsDayOrMonthLeftBlankIsNoDay() {
        List<WrittenDate.Found> found = WrittenDate.findAll(Fold.of("Thủ Thừa, ngày    tháng    năm 2019"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).blanks()).isTrue();
        assertThat(found.get(0).date().asWritten()).isEqualTo("2019");
        WrittenDate.Found noDay = WrittenDate.findAll(Fold.of("ngày  tháng 9 năm 2021")).get(0);
        assertThat(noDay.blanks()).isTrue();
        assertThat(noDay.date().asWritten()).isEqualTo("2021-09");
    }

    @Test
    void mistypedDatesReadAsMeant() {
        assertThat(only("đến tháng 15/6/2022").asWritten()).isEqualTo("2022-06-15"); // "tháng" for "ngày"
        assertThat(only("trước ngày l5/O7/2O2O").asWritten()).isEqualTo("2020-07-15"); // OCR: l for 1, O for 0
        assertThat(only("TRƯỚC NGÀY 15/07/2020").asWritten()).isEqualTo("2020-07-15");
    }

    @Test
    void whatIsNoDateIsNotRead() {
        assertThat(WrittenDate.findAll(Fold.of("ngày 31/02/2020"))).isEmpty();
        assertThat(WrittenDate.findAll(Fold.of("tháng 13/2020"))).isEmpty();
        assertThat(WrittenDate.findAll(Fold.of("Kế hoạch số 195/KH-UBND, 5 năm (2016 - 2020)"))).isEmpty();
        assertThat(WrittenDate.findAll(Fold.of("số điện thoại 0232.3862.123"))).isEmpty();
    }

    @Test
    void twoDatesOfARangeAreTwoDates() {
        List<WrittenDate.Found> found = WrittenDate.findAll(Fold.of("(15/02/1952-15/02/2022)"));
        assertThat(found).extracting(f -> f.date().asWritten()).containsExactly("1952-02-15", "2022-02-15");
    }
}
