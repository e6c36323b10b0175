package vn.thidua.query.report;

import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.ReadModels;
import vn.thidua.projections.View;
import vn.thidua.projections.awards.AwardView;
import vn.thidua.projections.participants.ParticipantView;
import vn.thidua.projections.proposals.ProposalView;
import vn.thidua.query.api.QueryExceptions;
import vn.thidua.query.api.ReadModelQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A decision's annex from the read models: its awards through the key index (by decision number), their proposals
 * (achievement, proposing unit) and the units' names, each read by id.
 */
@Component
public class ReportQueries {

    /** The most nominees one annex lists (far beyond any real decision; keeps one request's work bounded). */
    public static final int MAX_ROWS = 5_000;

    private final MongoDatabase database;
    private final ReadModelQueries queries;

    public ReportQueries(MongoDatabase database, ReadModelQueries queries) {
        this.database = database;
        this.queries = queries;
    }

    /**
     * The annex of decision {@code number} ({@code date} when several decisions share the number); collectives first,
     * then individuals, each by name.
     */
    public DecisionAnnex annex(String number, LocalDate date) {
        List<String> ids = KeyIndex.entries(database, ReadModels.AWARDS, AwardView.decisionKey(number)).stream()
                .map(KeyIndex::idOf).toList();
        if (ids.isEmpty()) {
            throw new QueryExceptions.NotFound("quyết định khen thưởng", number);
        }
        if (ids.size() > MAX_ROWS) {
            throw new QueryExceptions.InvalidParameter("decision", "Quyết định có hơn " + MAX_ROWS
                    + " người được khen: danh sách không lập được trong một lần");
        }
        List<AwardView> awards = new ArrayList<>(read(ReadModels.AWARDS, ids, AwardView.class).values());
        TreeSet<LocalDate> dates = new TreeSet<>();
        awards.forEach(a -> dates.add(a.decision.date()));
        if (date != null) {
            awards.removeIf(a -> !date.equals(a.decision.date()));
            if (awards.isEmpty()) {
                throw new QueryExceptions.NotFound("quyết định khen thưởng", number + " ngày " + date);
            }
        } else if (dates.size() > 1) {
            throw new QueryExceptions.InvalidParameter("date", "Có " + dates.size() + " quyết định cùng số "
                    + number + " (ngày " + dates + "): ghi rõ ngày, ví dụ date=" + dates.first());
        }
        Map<String, ProposalView> proposals = read(ReadModels.PROPOSALS,
                awards.stream().map(a -> a.proposalId).toList(), ProposalView.class);
        List<String> unitIds = proposals.values().stream()
                .map(p -> ReadModels.participantId(p.campaignId, p.proposingUnitId)).distinct().toList();
        Map<String, ParticipantView> units = read(ReadModels.PARTICIPANTS, unitIds, ParticipantView.class);
        awards.sort(Comparator.comparing((AwardView a) -> a.nominee.kind() == TargetGroup.COLLECTIVE ? 0 : 1)
                .thenComparing(a -> a.nominee.name()).thenComparing(a -> a.id));
        List<DecisionAnnex.Row> rows = new ArrayList<>();
        for (AwardView a : awards) {
            ProposalView p = proposals.get(a.proposalId);
            ParticipantView unit = p == null ? null
                    : units.get(ReadModels.participantId(p.campaignId, p.proposingUnitId));
            rows.add(new DecisionAnnex.Row(rows.size() + 1, a.nominee.name(), a.nominee.kind(),
                    unit != null ? unit.unitName : p != null ? p.proposingUnitId : "", a.form,
                    a.level == null ? null : Reports.level(a.level.code()), p == null ? "" : p.achievementSummary,
                    DecisionAnnex.note(a)));
        }
        AwardView first = awards.get(0);
        boolean oneCampaign = awards.stream().allMatch(a -> a.campaignId.equals(first.campaignId));
        return new DecisionAnnex(first.decision, first.grantingAuthority, oneCampaign ? first.campaignTitle : null,
                rows);
    }

    private <T extends View> Map<String, T> read(String collection, List<String> ids, Class<T> type) {
        Map<String, T> byId = new HashMap<>();
        queries.documents(collection, ids, type).forEach(view -> byId.put(view.id, view));
        return byId;
    }
}
