package vn.thidua.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.proposal.value.ProposalStatus;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.campaigns.CampaignView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.query.api.AuditQueryController;
import vn.thidua.query.api.CampaignQueryController;
import vn.thidua.query.api.Page;
import vn.thidua.query.api.ProposalQueryController;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.ReadModelQueries;
import vn.thidua.query.dashboard.CampaignDashboard;
import vn.thidua.query.dashboard.DashboardController;
import vn.thidua.query.dashboard.DashboardQueries;
import vn.thidua.service.security.Actor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards' web pages, in Vietnamese. Each page asks the API's own controllers (the same beans, so the same
 * role checks, the same UNIT narrowing and the same refusals) and renders their answers; a request from htmx
 * ({@code HX-Request}) gets the page's changing part only, which is how the live pages refresh.
 */
@Controller
public class WebPages {

    /** Rows per page in the lists. */
    static final int PAGE_SIZE = 20;
    /** Proposals shown per step on the board (the step's count is shown in full). */
    static final int BOARD_COLUMN = 50;

    private final CampaignQueryController campaigns;
    private final ProposalQueryController proposals;
    private final AuditQueryController audit;
    private final DashboardController dashboards;
    private final ReadModelQueries queries;
    private final ObjectMapper json;

    public WebPages(CampaignQueryController campaigns, ProposalQueryController proposals,
                    AuditQueryController audit, DashboardController dashboards, ReadModelQueries queries,
                    ObjectMapper json) {
        this.campaigns = campaigns;
        this.proposals = proposals;
        this.audit = audit;
        this.dashboards = dashboards;
        this.queries = queries;
        this.json = json;
    }

    private static boolean fragment(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    @GetMapping("/login")
    public String login() {
        return "web/login";
    }

    @GetMapping({"/", "/web"})
    public String home() {
        return "redirect:/web/campaigns";
    }

    @GetMapping("/web/denied")
    public String denied(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "Vai trò của bạn không được xem trang này.");
        return "web/error";
    }

    /** Campaigns: search (accent-insensitive words), status, year, issuer; newest plan first. */
    @GetMapping("/web/campaigns")
    public String campaigns(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                            @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String issuer,
                            @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        String statusFilter = status == null || status.isBlank() ? null : status;
        Page<CampaignView> found = campaigns.list(statusFilter, blankToNull(issuer), year, blankToNull(q), page,
                PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("q", q);
        model.addAttribute("status", statusFilter);
        model.addAttribute("year", year);
        model.addAttribute("issuer", issuer);
        model.addAttribute("statuses", CampaignStatus.values());
        return fragment(request) ? "web/campaigns :: results" : "web/campaigns";
    }

    /** One campaign's dashboard: figures, charts, milestones, the units to follow up. */
    @GetMapping("/web/campaigns/{campaignId}")
    public String campaign(@PathVariable String campaignId, @RequestParam(required = false) Integer page,
                           Model model, HttpServletRequest request) throws JsonProcessingException {
        CampaignDashboard dashboard = dashboards.campaign(campaignId);
        model.addAttribute("d", dashboard);
        model.addAttribute("chartData", json.writeValueAsString(chartData(dashboard)));
        model.addAttribute("followUp", dashboards.followUp(campaignId, null, page, PAGE_SIZE));
        return fragment(request) ? "web/campaign :: dashboard" : "web/campaign";
    }

    /** What the charts draw, as one JSON document the page's script reads (no inline script: the CSP forbids it). */
    private static Map<String, Object> chartData(CampaignDashboard d) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (CampaignDashboard.Step step : d.proposals().steps()) {
            labels.add(step.label());
            counts.add(step.count());
        }
        data.put("funnel", Map.of("labels", labels, "counts", counts));
        data.put("ratings", Map.of("labels", Arrays.stream(InspectionRating.values()).map(InspectionRating::label)
                        .toList(),
                "counts", new ArrayList<>(d.inspections().byRating().values())));
        List<String> schemes = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        for (CampaignDashboard.Quota q : d.quotas()) {
            for (String bucket : List.of("collectives", "individuals")) {
                CampaignView.Bucket b = bucket.equals("collectives") ? q.collectives() : q.individuals();
                if (b.limit != null || b.used > 0) {
                    schemes.add(q.form() + " – " + (bucket.equals("collectives") ? "tập thể" : "cá nhân"));
                    used.add(b.used);
                    remaining.add(b.remaining == null ? 0 : b.remaining);
                }
            }
        }
        data.put("quotas", Map.of("labels", schemes, "used", used, "remaining", remaining));
        return data;
    }

    /** The proposal board: a column per step of the lifecycle (a UNIT user: its own unit's proposals). */
    @GetMapping("/web/campaigns/{campaignId}/proposals")
    public String board(@PathVariable String campaignId, Model model, HttpServletRequest request) {
        CampaignDashboard dashboard = dashboards.campaign(campaignId);
        Map<ProposalStatus, Page<ProposalView>> columns = new LinkedHashMap<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            columns.put(status, campaigns.proposals(campaignId, status.name(), null, 0, BOARD_COLUMN));
        }
        model.addAttribute("d", dashboard);
        model.addAttribute("columns", columns);
        return fragment(request) ? "web/board :: board" : "web/board";
    }

    /** One unit's participation: works, inspections, reports, what is overdue. UNIT users: their own unit only. */
    @GetMapping("/web/campaigns/{campaignId}/units/{unitId}")
    public String unit(@PathVariable String campaignId, @PathVariable String unitId, Model model,
                       HttpServletRequest request) {
        Actor actor = Actor.current();
        if (actor.isUnit() && !unitId.equals(actor.unitId())) {
            throw new org.springframework.security.access.AccessDeniedException("another unit");
        }
        ParticipantView unit = queries.byId(ReadModels.PARTICIPANTS, ReadModels.participantId(campaignId, unitId),
                ParticipantView.class).orElseThrow(() -> new QueryExceptions.NotFound("đơn vị", unitId));
        model.addAttribute("d", dashboards.campaign(campaignId));
        model.addAttribute("unit", unit);
        return fragment(request) ? "web/unit :: unit" : "web/unit";
    }

    /** The awards registry by nominee (accent-insensitive) and achievement year. */
    @GetMapping("/web/awards")
    public String awards(@RequestParam(required = false) String nominee, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        model.addAttribute("page", proposals.awards(blankToNull(nominee), year, null, page, PAGE_SIZE));
        model.addAttribute("nominee", nominee);
        model.addAttribute("year", year);
        return fragment(request) ? "web/awards :: results" : "web/awards";
    }

    /** Figures across campaigns, and awards by form, level and achievement year. */
    @GetMapping("/web/statistics")
    public String statistics(@RequestParam(required = false) String issuer,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String status, Model model,
                             HttpServletRequest request) {
        String issuerWords = blankToNull(issuer);
        String levelCode = blankToNull(level);
        String kindName = blankToNull(kind);
        String statusName = blankToNull(status);
        model.addAttribute("s", dashboards.statistics(issuerWords, levelCode, year, kindName, statusName));
        model.addAttribute("awards", dashboards.awards(issuerWords, levelCode, year, kindName, statusName, null,
                null));
        model.addAttribute("waiting", dashboards.waiting(null, issuerWords, levelCode, year, kindName, statusName));
        model.addAttribute("issuer", issuer);
        model.addAttribute("level", level);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        return fragment(request) ? "web/statistics :: results" : "web/statistics";
    }

    /** The audit trail (AUDITOR, ADMIN: as the API), newest last, with its filters. */
    @GetMapping("/web/audit")
    public String audit(@RequestParam(required = false) String aggregateId,
                        @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        model.addAttribute("page", audit.audit(blankToNull(aggregateId), blankToNull(actor), blankToNull(type), null,
                null, page, PAGE_SIZE));
        model.addAttribute("aggregateId", aggregateId);
        model.addAttribute("actor", actor);
        model.addAttribute("type", type);
        return fragment(request) ? "web/audit :: results" : "web/audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
