package vn.thidua.query.api;

import com.mongodb.client.model.Sorts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.View;
import vn.thidua.projections.awards.AwardView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.service.security.Allowed;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.AUDITOR;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/** One proposal's whole lifecycle, and the registry of awards. */
@RestController
@Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN}) // not INTEGRATION: the feed only
@PreAuthorize("isAuthenticated()")
public class ProposalQueryController {

    private final ReadModelQueries queries;

    public ProposalQueryController(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** {@code minVersion}: the version a command on this proposal answered with. UNIT users: their own only. */
    @GetMapping("/api/proposals/{proposalId}")
    public ProposalView proposal(@PathVariable String proposalId, @RequestParam(required = false) Long minVersion) {
        queries.awaitVersion(ReadModels.PROPOSALS, proposalId, minVersion);
        ProposalView proposal = queries.byId(ReadModels.PROPOSALS, proposalId, ProposalView.class)
                .orElseThrow(() -> new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId));
        // another unit's proposal is answered like one that does not exist: existence is not revealed
        if (!Viewer.maySee(proposal.proposingUnitId)) {
            throw new QueryExceptions.NotFound("đề nghị khen thưởng", proposalId);
        }
        return proposal;
    }

    /** Awards granted (and revoked), by nominee (accent-insensitive name or id), achievement year, campaign. */
    @GetMapping("/api/awards")
    public Page<AwardView> awards(@RequestParam(required = false) String nominee,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String campaignId,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        nominee = QueryParameters.text("nominee", nominee);
        campaignId = QueryParameters.text("campaignId", campaignId);
        QueryParameters.year(year);
        Conditions<AwardView> conditions = new Conditions<AwardView>(KeyIndex.ALL)
                .words(AwardView.NOMINEE_SEARCH, nominee, AwardView.NOMINEE_FIELD, a -> a.nomineeSearch)
                .eq(AwardView.ACHIEVEMENT_YEAR, year, KeyIndex::yearKey)
                .eq(AwardView.CAMPAIGN_ID, campaignId, KeyIndex::campaignKey);
        return queries.page(ReadModels.AWARDS, conditions,
                Sorts.orderBy(Sorts.descending(AwardView.ACHIEVEMENT_YEAR), Sorts.ascending(View.ID)),
                PageRequest.of(page, size), AwardView.class);
    }
}
