package vn.thidua.demo;

import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.proposal.AwardGranted;
import vn.thidua.domain.proposal.AwardRevoked;
import vn.thidua.domain.proposal.ProposalRejected;
import vn.thidua.domain.proposal.ProposalWithdrawn;
import vn.thidua.domain.testing.DomainHarness;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo scenario holds against every rule of the domain: each step is accepted at its date. */
class DemoScenarioTest {

    @Test
    void everyStepOfTheDemoIsAccepted() {
        DemoScenario demo = DemoScenario.load();
        try (DomainHarness domain = new DomainHarness()) {
            assertThat(demo.run(domain.gateway())).isEqualTo(demo.steps().size());
            List<Object> events = domain.allEvents().stream().map(m -> (Object) m.getPayload()).toList();
            assertThat(events).filteredOn(AwardGranted.class::isInstance).hasSize(14);
            assertThat(events).filteredOn(ProposalRejected.class::isInstance).hasSize(2);
            assertThat(events).filteredOn(ProposalWithdrawn.class::isInstance).hasSize(1);
            assertThat(events).filteredOn(AwardRevoked.class::isInstance).hasSize(1);
            assertThat(events).filteredOn(e -> e instanceof ReportSubmitted r && r.late()).hasSize(1);
            assertThat(events).filteredOn(e -> e instanceof WorkPledged w && w.late()).hasSize(2);
        }
    }
}
