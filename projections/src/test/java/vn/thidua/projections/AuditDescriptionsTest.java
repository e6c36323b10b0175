package vn.thidua.projections;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.testing.ApprovedEvents;
import vn.thidua.projections.audit.AuditDescriptions;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of the three families has its own line in the audit trail. */
class AuditDescriptionsTest {

    @Test
    void everyEventTypeOfTheFamiliesIsDescribed() {
        assertThat(AuditDescriptions.undescribed()).isEmpty();
    }

    @Test
    void everyApprovedEventReadsAsASentenceNotAsItsTypeName() {
        assertThat(ApprovedEvents.current()).isNotEmpty().allSatisfy(event -> assertThat(
                AuditDescriptions.describe(event)).as(event.getClass().getSimpleName())
                .isNotEqualTo(event.getClass().getSimpleName()).doesNotContain("null"));
    }
}
