package vn.thidua.query.dashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.Limits;
import vn.thidua.projections.participants.ParticipantView.FollowUp;
import vn.thidua.query.api.PageRequest;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.QueryParameters;
import vn.thidua.service.security.Actor;
import vn.thidua.service.security.Allowed;

import static vn.thidua.domain.common.Role.ADMIN;
import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.AUDITOR;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/**
 * The reporting dashboards' API: a campaign's dashboard and its units to follow up (every role that reads campaigns;
 * a UNIT user sees its own unit in the list), and the figures across campaigns (not UNIT users: they span every
 * unit). Every answer carries {@code reflects}: the event position it reflects and the lag behind the event store.
 */
@RestController
@RequestMapping("/api/dashboards")
@Allowed({ORGANIZER, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN})
@PreAuthorize("isAuthenticated()")
public class DashboardController {

    private final DashboardQueries queries;

    public DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    /** Participation, inspections, reports per milestone, the proposal funnel, quotas, milestones, follow-up counts. */
    @GetMapping("/campaigns/{campaignId}")
    @Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN})
    public CampaignDashboard campaign(@PathVariable String campaignId) {
        return queries.campaign(campaignId)
                .orElseThrow(() -> new QueryExceptions.NotFound("phong trào", campaignId));
    }

    /** {@code reason}: OVERDUE, NO_REPORT or NO_WORK (any when not given). */
    @GetMapping("/campaigns/{campaignId}/follow-up")
    @Allowed({ORGANIZER, UNIT, INSPECTOR, COUNCIL, APPROVER, AUDITOR, ADMIN})
    public DashboardQueries.FollowUpPage followUp(@PathVariable String campaignId,
                                                  @RequestParam(required = false) String reason,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        String reasonName = QueryParameters.enumName(FollowUp.class, "reason", reason);
        PageRequest request = PageRequest.of(page, size);
        if (!queries.exists(campaignId)) {
            throw new QueryExceptions.NotFound("phong trào", campaignId);
        }
        Actor actor = Actor.current();
        return queries.followUp(campaignId, reasonName == null ? null : FollowUp.valueOf(reasonName),
                actor.isUnit() ? actor.unitId() : null, request);
    }

    /** Filters: issuer (words, accent-insensitive), level (the issuer's), year (of the period), kind, status. */
    @GetMapping("/statistics")
    public DashboardQueries.Statistics statistics(@RequestParam(required = false) String issuer,
                                                  @RequestParam(required = false) String level,
                                                  @RequestParam(required = false) Integer year,
                                                  @RequestParam(required = false) String kind,
                                                  @RequestParam(required = false) String status) {
        return queries.statistics(CampaignFilter.of(issuer, level, year, kind, status));
    }

    /**
     * Awards by form × level × achievement year, {@code from}–{@code to} (the last five years unless given, at most
     * {@value DashboardQueries#MAX_YEARS}), with revocations; the same filters as {@code /statistics}.
     */
    @GetMapping("/awards")
    public DashboardQueries.AwardStatistics awards(@RequestParam(required = false) String issuer,
                                                   @RequestParam(required = false) String level,
                                                   @RequestParam(required = false) Integer year,
                                                   @RequestParam(required = false) String kind,
                                                   @RequestParam(required = false) String status,
                                                   @RequestParam(required = false) Integer from,
                                                   @RequestParam(required = false) Integer to) {
        CampaignFilter filter = CampaignFilter.of(issuer, level, year, kind, status);
        int last = to == null ? DomainClock.today().getYear() : QueryParameters.year(to);
        int first = from == null ? last - 4 : QueryParameters.year(from);
        if (first > last || last - first >= DashboardQueries.MAX_YEARS) {
            throw new QueryExceptions.InvalidParameter("from", "Khoảng năm thành tích phải từ \"from\" đến \"to\","
                    + " không quá " + DashboardQueries.MAX_YEARS + " năm");
        }
        return queries.awards(filter, first, last);
    }

    /**
     * Proposals waiting per step, across campaigns (with the filters of {@code /statistics}) or in
     * {@code campaignId}: how many, since when, how long.
     */
    @GetMapping("/waiting")
    public DashboardQueries.Waiting waiting(@RequestParam(required = false) String campaignId,
                                            @RequestParam(required = false) String issuer,
                                            @RequestParam(required = false) String level,
                                            @RequestParam(required = false) Integer year,
                                            @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) String status) {
        String id = QueryParameters.text("campaignId", campaignId);
        CampaignFilter filter = CampaignFilter.of(issuer, level, year, kind, status);
        if (id != null && (!Limits.ID.matcher(id).matches() || !queries.exists(id))) {
            throw new QueryExceptions.NotFound("phong trào", id);
        }
        return queries.waiting(id, filter);
    }
}
