package vn.thidua.demo;

import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.common.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The four seed plans, entered as data under {@code demo/plans/} (assumptions in its README.md). */
public final class SeedPlans {

    public static final List<String> FILES = List.of("plan-1-bo-trach.json", "plan-2-thu-thua.json",
            "plan-3-phuong-ha-tinh.json", "plan-4-dang-uy-khoi-hai-duong.json");

    private SeedPlans() {
    }

    public static CampaignPlan load(String file) {
        try (InputStream in = SeedPlans.class.getResourceAsStream("/demo/plans/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No seed plan " + file);
            }
            return EventJson.newMapper().readValue(in, CampaignPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CampaignPlan boTrach() {
        return load(FILES.get(0));
    }

    public static CampaignPlan thuThua() {
        return load(FILES.get(1));
    }

    public static CampaignPlan phuongHaTinh() {
        return load(FILES.get(2));
    }

    public static CampaignPlan dangUyKhoiHaiDuong() {
        return load(FILES.get(3));
    }
}
