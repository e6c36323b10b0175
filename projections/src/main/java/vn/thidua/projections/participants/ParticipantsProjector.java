package vn.thidua.projections.participants;

import vn.thidua.domain.campaign.CampaignEvent;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.projections.KeyIndex;
import vn.thidua.projections.Projector;
import vn.thidua.projections.ReadModels;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static vn.thidua.projections.ReadModels.participantId;

/** {@code participants}: one document per campaign and registered unit, with its works, inspections and reports. */
public final class ParticipantsProjector extends Projector<ParticipantView> {

    /**
     * Listed by campaign (and, for a unit's own users, by unit), and among the campaign's units to follow up (any
     * reason, and each), in the order of unit ids.
     */
    @Override
    public Set<String> indexKeys(ParticipantView p) {
        Set<String> keys = new HashSet<>(List.of(KeyIndex.campaignKey(p.campaignId), ParticipantView.unitKey(p.unitId)));
        List<ParticipantView.FollowUp> reasons = p.followUps();
        if (!reasons.isEmpty()) {
            keys.add(ParticipantView.followUpKey(p.campaignId, null));
            reasons.forEach(reason -> keys.add(ParticipantView.followUpKey(p.campaignId, reason)));
        }
        return keys;
    }

    @Override
    public String indexOrder(ParticipantView p) {
        return p.unitId;
    }

    public ParticipantsProjector() {
        super(ReadModels.PARTICIPANTS, ParticipantView.class, ParticipantView::new, CampaignEvent.class);

        creating(ParticipantRegistered.class, e -> participantId(e.campaignId(), e.unitId()),
                (p, e, in) -> p.registered(e));
        on(WorkPledged.class, e -> participantId(e.campaignId(), e.unitId()), (p, e, in) -> p.pledged(e));
        on(InspectionRecorded.class, e -> participantId(e.campaignId(), e.unitId()), (p, e, in) -> p.inspected(e));
        on(ReportSubmitted.class, e -> participantId(e.campaignId(), e.unitId()), (p, e, in) -> p.reported(e));
        on(ReportOverdue.class, e -> participantId(e.campaignId(), e.unitId()), (p, e, in) -> p.reportOverdue(e));
    }
}
