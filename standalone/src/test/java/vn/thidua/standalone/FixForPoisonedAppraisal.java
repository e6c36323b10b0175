package vn.thidua.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.domain.proposal.ProposalAppraised;

/** The "fix" deployed in {@link DeadLetterHealingTest}: an upcaster that reads the poisoned appraisal. */
@Configuration(proxyBeanMethods = false)
public class FixForPoisonedAppraisal {

    @Bean
    public SingleEventUpcaster poisonedAppraisalUpcaster() {
        return new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(ProposalAppraised.class.getName());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(representation.getType(), JsonNode.class, node -> {
                    if ("perhaps".equals(node.path("favourable").asText())) {
                        ((ObjectNode) node).put("favourable", false);
                    }
                    return node;
                });
            }
        };
    }
}
