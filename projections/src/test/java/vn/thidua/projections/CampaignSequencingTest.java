package vn.thidua.projections;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.common.ActorMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter queue parks a campaign's events and its proposals' events as one sequence. */
class CampaignSequencingTest {

    @Test
    void aProposalsEventsBelongToTheirCampaignsSequence() {
        var campaignEvent = new GenericDomainEventMessage<>("Campaign", "c-1", 3, "registered");
        var proposalEvent = new GenericDomainEventMessage<>("AwardProposal", "p-9", 0, "submitted",
                MetaData.with(ActorMetadata.CAMPAIGN_ID, "c-1"));
        var planEvent = new GenericDomainEventMessage<>("PlanRegistration", "plan-x", 0, "registered");
        assertThat(CampaignSequencing.INSTANCE.getSequenceIdentifierFor(campaignEvent)).isEqualTo("c-1");
        assertThat(CampaignSequencing.INSTANCE.getSequenceIdentifierFor(proposalEvent)).isEqualTo("c-1");
        assertThat(CampaignSequencing.INSTANCE.getSequenceIdentifierFor(planEvent)).isEqualTo("plan-x");
    }

    @Test
    void theParkedReasonIsTheInnermostCause() {
        Throwable root = new IllegalArgumentException("\"favourable\": \"perhaps\"");
        assertThat(Projections.rootCause(new RuntimeException("outer", new IllegalStateException("middle", root))))
                .isSameAs(root);
    }
}
