package vn.thidua.query.api;

import com.mongodb.client.model.Sorts;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.conversions.Bson;
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
import vn.thidua.ledger.export.ExportLayout;
import vn.thidua.ledger.export.ExportWriter;
import vn.thidua.query.export.ExportResponse;
import vn.thidua.query.export.LedgerStamp;
import vn.thidua.service.security.Allowed;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
    private final LedgerStamp stamp;

    public ProposalQueryController(ReadModelQueries queries, LedgerStamp stamp) {
        this.queries = queries;
        this.stamp = stamp;
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
        return queries.page(ReadModels.AWARDS, awardConditions(nominee, year, campaignId), AWARD_ORDER,
                PageRequest.of(page, size), AwardView.class);
    }

    private static final Bson AWARD_ORDER = Sorts.orderBy(Sorts.descending(AwardView.ACHIEVEMENT_YEAR),
            Sorts.ascending(View.ID));

    private static Conditions<AwardView> awardConditions(String nominee, Integer year, String campaignId) {
        nominee = QueryParameters.text("nominee", nominee);
        campaignId = QueryParameters.text("campaignId", campaignId);
        QueryParameters.year(year);
        return new Conditions<AwardView>(KeyIndex.ALL)
                .words(AwardView.NOMINEE_SEARCH, nominee, AwardView.NOMINEE_FIELD, a -> a.nomineeSearch)
                .eq(AwardView.ACHIEVEMENT_YEAR, year, KeyIndex::yearKey)
                .eq(AwardView.CAMPAIGN_ID, campaignId, KeyIndex::campaignKey);
    }

    /**
     * The awards registry as CSV or XLSX ({@code format}), with the same filters, in the same order, stamped with the
     * latest signed tree head: each award with the event that last set it (its grant, or its revocation), whose leaf,
     * inclusion path and canonical form prove the decision offline; an award set after the head has no proof yet.
     */
    @GetMapping("/api/awards/export")
    public void awardsExport(@RequestParam(required = false) String format,
                             @RequestParam(required = false) String nominee,
                             @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String campaignId,
                             @RequestParam(required = false) String consistencyFrom,
                             Principal user, HttpServletResponse response) throws IOException {
        ExportLayout.Format chosen = ExportResponse.format(format);
        Conditions<AwardView> conditions = awardConditions(nominee, year, campaignId);
        Long since = QueryParameters.number("consistencyFrom", consistencyFrom, 1, Long.MAX_VALUE);
        try (ExportResponse.Slot running = ExportResponse.slot()) {
            String filter = ExportResponse.filter(ExportResponse.parameters("nominee", nominee, "year", year,
                    "campaignId", campaignId));
            LedgerStamp.Taken taken = stamp.take("awards", filter, ExportResponse.user(user), since, false, false);
            ExportWriter out = ExportResponse.open(response, chosen, "thidua-awards", taken, AWARD_COLUMNS);
            int chunk = ExportResponse.CHUNK;
            queries.each(ReadModels.AWARDS, conditions, AWARD_ORDER, AwardView.class, chunk, awards -> {
                Map<Long, List<Object>> cells = stamp.cells(taken, awards.stream().map(a -> a.position).distinct()
                        .sorted().toList());
                for (AwardView a : awards) {
                    out.row(ExportResponse.row(awardCells(a), cells.get(a.position)));
                }
            });
            out.finish();
        }
    }

    static final List<ExportLayout.Column> AWARD_COLUMNS = ExportResponse.withVerifiable(
            new ExportLayout.Column("awardId", "Mã khen thưởng"),
            new ExportLayout.Column("nomineeName", "Người/tập thể được khen"),
            new ExportLayout.Column("nomineeId", "Mã người/tập thể"),
            new ExportLayout.Column("nomineeKind", "Đối tượng"),
            new ExportLayout.Column("form", "Hình thức khen thưởng"), new ExportLayout.Column("level", "Cấp"),
            new ExportLayout.Column("grantingAuthority", "Cấp có thẩm quyền"),
            new ExportLayout.Column("achievementYear", "Năm thành tích"),
            new ExportLayout.Column("decisionNumber", "Số quyết định"),
            new ExportLayout.Column("decisionDate", "Ngày quyết định"),
            new ExportLayout.Column("signerName", "Người ký"), new ExportLayout.Column("signerTitle", "Chức vụ"),
            new ExportLayout.Column("campaignId", "Mã phong trào"),
            new ExportLayout.Column("campaignTitle", "Phong trào"), new ExportLayout.Column("proposalId", "Mã đề nghị"),
            new ExportLayout.Column("status", "Hiệu lực"), new ExportLayout.Column("revocationGround", "Căn cứ thu hồi"),
            new ExportLayout.Column("revocationDecisionNumber", "Số quyết định thu hồi"),
            new ExportLayout.Column("revocationDecisionDate", "Ngày quyết định thu hồi"), ExportLayout.POSITION);

    private static List<Object> awardCells(AwardView a) {
        var decision = a.decision;
        var revocation = a.revocation;
        return Arrays.asList(a.id, a.nominee == null ? null : a.nominee.name(),
                a.nominee == null ? null : a.nominee.nomineeId(),
                a.nominee == null || a.nominee.kind() == null ? null : a.nominee.kind().name(), a.form,
                a.level == null ? null : a.level.code(), a.grantingAuthority, (long) a.achievementYear,
                decision == null ? null : decision.number(),
                decision == null || decision.date() == null ? null : decision.date().toString(),
                decision == null ? null : decision.signerName(), decision == null ? null : decision.signerTitle(),
                a.campaignId,
                a.campaignTitle, a.proposalId, a.status == null ? null : a.status.name(),
                revocation == null || revocation.ground() == null ? null : revocation.ground().name(),
                revocation == null ? null : revocation.decisionNumber(),
                revocation == null || revocation.decisionDate() == null ? null : revocation.decisionDate().toString(),
                a.position);
    }
}
