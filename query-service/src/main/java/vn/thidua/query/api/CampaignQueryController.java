package vn.thidua.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.View;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.service.security.Allowed;

import static vn.thidua.query.api.QueryParameters.enumName;
import static vn.thidua.query.api.QueryParameters.text;
import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.AUDITOR;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/** Campaign dashboards: the list, one campaign, its participants and its proposals. */
@RestController
@RequestMapping("/api/campaigns")
@Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN}) // not INTEGRATION: the feed only
@PreAuthorize("isAuthenticated()")
public class CampaignQueryController {

    /** One campaign as the API shows it: the campaign's view, and the milestone due next. */
    public static final class CampaignDetails {
        @JsonUnwrapped
        public final CampaignView campaign;
        public final Milestone nextDueMilestone;

        CampaignDetails(CampaignView campaign) {
            this.campaign = campaign;
            this.nextDueMilestone = ReadModelQueries.nextDueMilestone(campaign);
        }
    }

    private final ReadModelQueries queries;

    public CampaignQueryController(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** Filters: status, issuer and q (accent-insensitive words), year (any year the period touches). */
    @GetMapping
    public Page<CampaignView> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String issuer,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        issuer = text("issuer", issuer);
        q = text("q", q);
        QueryParameters.year(year);
        Conditions<CampaignView> conditions = new Conditions<CampaignView>(KeyIndex.ALL)
                .eq(CampaignView.STATUS, enumName(CampaignStatus.class, "status", status), CampaignView::statusKey)
                .words(CampaignView.ISSUER_KEY, issuer, CampaignView.ISSUER_FIELD, c -> c.issuerKey)
                .eq(CampaignView.YEARS, year, KeyIndex::yearKey)
                .words(CampaignView.SEARCH, q, CampaignView.SEARCH_FIELD, c -> c.search);
        return queries.page(ReadModels.CAMPAIGNS, conditions,
                Sorts.orderBy(Sorts.descending(CampaignView.ISSUE_DATE), Sorts.ascending(View.ID)),
                PageRequest.of(page, size), CampaignView.class);
    }

    /** {@code minVersion}: the version a command on this campaign answered with; waits until it is applied. */
    @GetMapping("/{campaignId}")
    public CampaignDetails campaign(@PathVariable String campaignId, @RequestParam(required = false) Long minVersion) {
        queries.awaitVersion(ReadModels.CAMPAIGNS, campaignId, minVersion);
        return new CampaignDetails(queries.byId(ReadModels.CAMPAIGNS, campaignId, CampaignView.class)
                .orElseThrow(() -> new QueryExceptions.NotFound("phong trào", campaignId)));
    }

    /** A UNIT user sees its own unit only. */
    @GetMapping("/{campaignId}/participants")
    public Page<ParticipantView> participants(@PathVariable String campaignId,
                                              @RequestParam(required = false) Long minVersion,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        requireCampaign(campaignId, minVersion);
        Conditions<ParticipantView> conditions = new Conditions<ParticipantView>(null)
                .eq(ParticipantView.CAMPAIGN_ID, campaignId, KeyIndex::campaignKey)
                .eq(ParticipantView.UNIT_ID, Viewer.limitedToUnit(), ParticipantView::unitKey);
        return queries.page(ReadModels.PARTICIPANTS, conditions, Sorts.ascending(ParticipantView.UNIT_ID),
                PageRequest.of(page, size), ParticipantView.class);
    }

    /** Filter: status. A UNIT user sees the proposals its unit made only. */
    @GetMapping("/{campaignId}/proposals")
    public Page<ProposalView> proposals(@PathVariable String campaignId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Long minVersion,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        requireCampaign(campaignId, minVersion);
        // the campaign's own key only when no narrower one applies: each of those is within the campaign already
        String unit = Viewer.limitedToUnit();
        String statusName = enumName(ProposalStatus.class, "status", status);
        Conditions<ProposalView> conditions = new Conditions<ProposalView>(KeyIndex.campaignKey(campaignId))
                .eq(ProposalView.CAMPAIGN_ID, campaignId, c -> null)
                .eq(ProposalView.STATUS, statusName, s -> ProposalView.campaignStatusKey(campaignId, s))
                .eq(ProposalView.PROPOSING_UNIT_ID, unit, u -> ProposalView.campaignUnitKey(campaignId, u));
        return queries.page(ReadModels.PROPOSALS, conditions,
                Sorts.orderBy(Sorts.ascending(ProposalView.SUBMITTED_AT), Sorts.ascending(View.ID)),
                PageRequest.of(page, size), ProposalView.class);
    }

    private void requireCampaign(String campaignId, Long minVersion) {
        queries.awaitVersion(ReadModels.CAMPAIGNS, campaignId, minVersion);
        if (!queries.exists(ReadModels.CAMPAIGNS, campaignId)) {
            throw new QueryExceptions.NotFound("phong trào", campaignId);
        }
    }
}
