package vn.thidua.query.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.ReadModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Campaign dashboards: the list, one campaign, its participants and its proposals. */
@RestController
@RequestMapping("/api/campaigns")
@PreAuthorize("isAuthenticated()")
public class CampaignQueryController {

    private final ReadModelQueries queries;

    public CampaignQueryController(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** Filters: status, issuer and q (accent-insensitive words), year (any year the period touches). */
    @GetMapping
    public Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String issuer,
                     @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        issuer = ReadModelQueries.text("issuer", issuer);
        q = ReadModelQueries.text("q", q);
        ReadModelQueries.year(year);
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", enumValue(CampaignStatus.class, "status", status).name()));
        }
        if (issuer != null) {
            filters.add(ReadModelQueries.words("issuerKey", issuer));
        }
        if (year != null) {
            filters.add(Filters.eq("years", year));
        }
        if (q != null) {
            filters.add(ReadModelQueries.words("search", q));
        }
        return queries.page(ReadModels.CAMPAIGNS, ReadModelQueries.all(filters),
                Sorts.orderBy(Sorts.descending("plan.issueDate"), Sorts.ascending("_id")),
                PageRequest.of(page, size));
    }

    /** {@code minVersion}: the version a command on this campaign answered with; waits until it is applied. */
    @GetMapping("/{campaignId}")
    public Map<String, Object> campaign(@PathVariable String campaignId,
                                        @RequestParam(required = false) Long minVersion) {
        queries.awaitVersion(ReadModels.CAMPAIGNS, campaignId, minVersion);
        Document campaign = queries.byId(ReadModels.CAMPAIGNS, campaignId)
                .orElseThrow(() -> new QueryExceptions.NotFound("phong trào", campaignId));
        Map<String, Object> shaped = ReadModelQueries.shape(campaign);
        shaped.put("nextDueMilestone", ReadModelQueries.nextDueMilestone(campaign));
        return shaped;
    }

    /** A UNIT user sees its own unit only. */
    @GetMapping("/{campaignId}/participants")
    public Page participants(@PathVariable String campaignId, @RequestParam(required = false) Long minVersion,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        requireCampaign(campaignId, minVersion);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId)));
        String unit = Viewer.limitedToUnit();
        if (unit != null) {
            filters.add(Filters.eq("unitId", unit));
        }
        return queries.page(ReadModels.PARTICIPANTS, ReadModelQueries.all(filters), Sorts.ascending("unitId"),
                PageRequest.of(page, size));
    }

    /** Filter: status. A UNIT user sees the proposals its unit made only. */
    @GetMapping("/{campaignId}/proposals")
    public Page proposals(@PathVariable String campaignId, @RequestParam(required = false) String status,
                          @RequestParam(required = false) Long minVersion,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        requireCampaign(campaignId, minVersion);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId)));
        if (status != null) {
            filters.add(Filters.eq("status", enumValue(ProposalStatus.class, "status", status).name()));
        }
        String unit = Viewer.limitedToUnit();
        if (unit != null) {
            filters.add(Filters.eq("proposingUnitId", unit));
        }
        return queries.page(ReadModels.PROPOSALS, ReadModelQueries.all(filters),
                Sorts.orderBy(Sorts.ascending("submittedAt"), Sorts.ascending("_id")), PageRequest.of(page, size));
    }

    private void requireCampaign(String campaignId, Long minVersion) {
        queries.awaitVersion(ReadModels.CAMPAIGNS, campaignId, minVersion);
        if (queries.byId(ReadModels.CAMPAIGNS, campaignId).isEmpty()) {
            throw new QueryExceptions.NotFound("phong trào", campaignId);
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, ReadModelQueries.text(parameter, value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new QueryExceptions.InvalidParameter(parameter, "Giá trị \"" + value + "\" không hợp lệ; dùng một trong "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
