package vn.thidua.planimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.common.EventJson;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A draft has the plan's shape: the same fields by name and type, and its JSON, blanks filled, is a valid plan. */
class DraftShapeTest {

    @Test
    void theDraftHasEveryFieldOfAPlanAndNoOther() {
        List<String> plan = Arrays.stream(CampaignPlan.class.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
        List<String> draft = Arrays.stream(DraftPlan.class.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
        assertThat(draft).isEqualTo(plan);
        assertThat(Arrays.stream(DraftPlan.class.getRecordComponents()).map(RecordComponent::getName))
                .contains("issueDate", "awardSchemes", "distributionList");
    }

    @Test
    void aDraftsJsonWithItsBlanksFilledIsAPlanThatPassesItsRules() throws Exception {
        ObjectMapper json = EventJson.newMapper();
        PlanDraft draft = PlanImporter.read(UnseenPlansTest.DEPARTMENT);
        ObjectNode plan = (ObjectNode) json.valueToTree(draft.plan());
        plan.put("kind", "THEMATIC");
        for (JsonNode scheme : plan.get("awardSchemes")) {
            ((ObjectNode) scheme).set("approvalThreshold", json.readTree("{\"ratio\": 0.9, \"strict\": false}"));
        }
        CampaignPlan launched = json.treeToValue(plan, CampaignPlan.class).check();
        assertThat(launched.documentNumber()).isEqualTo("1234/KH-SGDĐT");
        assertThat(launched.awardSchemes()).hasSize(2);
        assertThat(launched.milestones()).hasSize(4);
    }
}
