package vn.thidua.query.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.projections.ReadModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One proposal's whole lifecycle, and the registry of awards. */
@RestController
@PreAuthorize("isAuthenticated()")
public class ProposalQueryController {

    private final ReadModelQueries queries;

    public ProposalQueryController(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** {@code minVersion}: the version a command on this proposal answered with. UNIT users: their own only. */
    @GetMapping("/api/proposals/{proposalId}")
    public Map<String, Object> proposal(@PathVariable String proposalId,
                                        @RequestParam(required = false) Long minVersion) {
        queries.awaitVersion(ReadModels.PROPOSALS, proposalId, minVersion);
        Document proposal = queries.byId(ReadModels.PROPOSALS, proposalId)
                .orElseThrow(() -> new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId));
        // another unit's proposal is answered like one that does not exist: existence is not revealed
        if (!Viewer.maySee(proposal.getString("proposingUnitId"))) {
            throw new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId);
        }
        return ReadModelQueries.shape(proposal);
    }

    /** Awards granted (and revoked), by nominee (accent-insensitive name or id), achievement year, campaign. */
    @GetMapping("/api/awards")
    public Page awards(@RequestParam(required = false) String nominee, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String campaignId,
                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        nominee = ReadModelQueries.text("nominee", nominee);
        campaignId = ReadModelQueries.text("campaignId", campaignId);
        ReadModelQueries.year(year);
        List<Bson> filters = new ArrayList<>();
        if (nominee != null) {
            filters.add(ReadModelQueries.words("nomineeSearch", nominee));
        }
        if (year != null) {
            filters.add(Filters.eq("achievementYear", year));
        }
        if (campaignId != null) {
            filters.add(Filters.eq("campaignId", campaignId));
        }
        return queries.page(ReadModels.AWARDS, ReadModelQueries.all(filters),
                Sorts.orderBy(Sorts.descending("achievementYear"), Sorts.ascending("_id")),
                PageRequest.of(page, size));
    }
}
