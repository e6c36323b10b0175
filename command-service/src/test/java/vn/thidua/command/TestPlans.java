package vn.thidua.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.testing.Plans;

import java.util.List;
import java.util.Map;

/** The domain's test plans ({@link Plans}) as request bodies: JSON-ready maps, for tests that go through the API. */
public final class TestPlans {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private TestPlans() {
    }

    /** {@link Plans#aroundToday}: a district Giấy khen "GK" with this quota, a provincial Bằng khen "BK" pending. */
    public static Map<String, Object> plan(String documentNumber, int collectives, int individuals) {
        return JSON.convertValue(Plans.aroundToday(documentNumber, collectives, individuals), new TypeReference<>() {
        });
    }

    public static List<Map<String, Object>> districtDossier() {
        return JSON.convertValue(Plans.districtDossier(), new TypeReference<>() {
        });
    }
}
