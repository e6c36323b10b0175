package vn.thidua.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.plan.PlanEvent;
import vn.thidua.domain.proposal.ProposalEvent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue lists every event of the three sealed families with both descriptions, and the schema it generates
 * for each type accepts the type's approved JSON (the stored form, {@code events/<Name>-<revision>.json} of the
 * domain's tests) and refuses that JSON with a property missing, of the wrong type, or added.
 */
class EventCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventOfTheFamiliesIsListedAndDescribed() {
        Set<Class<?>> declared = Stream.of(CampaignEvent.class, ProposalEvent.class, PlanEvent.class)
                .flatMap(f -> Arrays.stream(f.getPermittedSubclasses())).collect(Collectors.toSet());
        assertThat(EventCatalogue.all()).extracting(EventCatalogue.EventType::payloadClass)
                .containsExactlyInAnyOrderElementsOf(declared);
        assertThat(EventCatalogue.undescribed()).isEmpty();
        assertThat(EventCatalogue.all()).extracting(EventCatalogue.EventType::cloudEventType)
                .doesNotHaveDuplicates()
                .allMatch(t -> t.matches("vn\\.thidua\\.(campaign|proposal|plan)\\.[A-Z][A-Za-z]+\\.v[0-9]+"));
        assertThat(EventCatalogue.named("AwardGranted")).get().extracting(EventCatalogue.EventType::cloudEventType)
                .isEqualTo("vn.thidua.proposal.AwardGranted.v1");
        assertThat(EventCatalogue.named("vn.thidua.campaign.ParticipantRegistered.v1")).isPresent();
        assertThat(EventCatalogue.named("Nothing")).isEmpty();
    }

    @Test
    void eachSchemaAcceptsItsApprovedJsonAndRefusesAlteredOnes() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<String> failures = new ArrayList<>();
        for (EventCatalogue.EventType type : EventCatalogue.all()) {
            JsonSchema schema = factory.getSchema(EventCatalogue.schema(type));
            JsonNode approved = approved(type);
            Set<ValidationMessage> errors = schema.validate(approved);
            if (!errors.isEmpty()) {
                failures.add(type.name() + ": " + errors);
            }
            String first = approved.fieldNames().next();
            var missing = approved.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) missing).remove(first);
            var added = approved.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) added).put("notInTheRecord", 1);
            var wrongType = approved.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType).putArray(first);
            for (JsonNode altered : List.of(missing, added, wrongType)) {
                if (schema.validate(altered).isEmpty()) {
                    failures.add(type.name() + " accepted " + altered);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static JsonNode approved(EventCatalogue.EventType type) throws Exception {
        String path = "/events/" + type.name() + "-" + type.revision() + ".json";
        try (InputStream in = EventCatalogueTest.class.getResourceAsStream(path)) {
            assertThat(in).as("approved JSON " + path).isNotNull();
            return JSON.readTree(in);
        }
    }
}
