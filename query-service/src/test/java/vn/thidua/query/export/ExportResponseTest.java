package vn.thidua.query.export;

import org.junit.jupiter.api.Test;
import vn.thidua.query.api.QueryExceptions;

import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportResponseTest {

    @Test
    void exportsBeyondThePlacesAreRefusedUntilOneEnds() {
        Semaphore places = new Semaphore(ExportResponse.CONCURRENT);
        ExportResponse.Slot first = ExportResponse.slot(places);
        ExportResponse.Slot second = ExportResponse.slot(places);
        assertThatThrownBy(() -> ExportResponse.slot(places)).isInstanceOf(QueryExceptions.NotYetAvailable.class)
                .hasMessageContaining("bản xuất");
        first.close();
        first.close(); // a place is given back once
        try (ExportResponse.Slot third = ExportResponse.slot(places)) {
            assertThat(places.availablePermits()).isZero();
        }
        second.close();
        assertThat(places.availablePermits()).isEqualTo(ExportResponse.CONCURRENT);
    }

    @Test
    void aFormatIsCsvOrXlsx() {
        assertThat(ExportResponse.format("CSV").extension).isEqualTo("csv");
        assertThat(ExportResponse.format(" xlsx").extension).isEqualTo("xlsx");
        for (String wrong : new String[]{null, "", "pdf", "xls"}) {
            assertThatThrownBy(() -> ExportResponse.format(wrong))
                    .isInstanceOf(QueryExceptions.InvalidParameter.class);
        }
    }
}
