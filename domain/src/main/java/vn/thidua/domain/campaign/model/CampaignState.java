package vn.thidua.domain.campaign.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import vn.thidua.domain.campaign.CampaignAmended;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignConcluded;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.InspectionRecorded;
import vn.thidua.domain.campaign.ParticipantRegistered;
import vn.thidua.domain.campaign.QuotaAllocated;
import vn.thidua.domain.campaign.ReportOverdue;
import vn.thidua.domain.campaign.ReportSubmitted;
import vn.thidua.domain.campaign.WorkPledged;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.CampaignStatus;
import vn.thidua.domain.campaign.value.Quota;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeMap;

/**
 * What a {@link Campaign} knows, and how each of its events changes that: the state half of the aggregate, kept apart
 * from the decisions ({@link Campaign}'s command handlers) so that each reads on its own. Nothing here refuses
 * anything: an event is a fact, applied as it is.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
abstract class CampaignState {

    @AggregateIdentifier
    String campaignId;
    CampaignPlan plan;
    CampaignStatus status;
    int amendments;
    /**
     * Registered units by id; each receives the events that carry its unitId, handed over below by a lookup. (As an
     * Axon {@code @AggregateMember} collection, every event applied was offered to every unit in turn, even with
     * {@code ForwardMatchingInstances}: a campaign of 10,000 units took 18 s to replay its registrations, most of it
     * in {@code AnnotatedChildEntity.publish}.)
     */
    final Map<String, Participant> participants = new TreeMap<>();
    final Set<String> inspectionIds = new HashSet<>();
    final Set<String> reportIds = new HashSet<>();
    /** The proposals admitted and the quota they use. */
    @AggregateMember
    final ProposalLedger proposals = new ProposalLedger();

    // ------------------------------------------------------------------ state from events

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        plan = event.plan();
        status = CampaignStatus.LAUNCHED;
    }

    @EventSourcingHandler
    void on(CampaignAmended event) {
        plan = event.plan();
        amendments++;
    }

    @EventSourcingHandler
    void on(QuotaAllocated event) {
        plan = plan.withQuota(event.schemeId(), Quota.of(event.collectives(), event.individuals()));
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participants.put(event.unitId(), new Participant(event.unitId(), event.registeredOn()));
    }

    @EventSourcingHandler
    void on(WorkPledged event) {
        toUnit(event.unitId(), unit -> unit.on(event));
    }

    @EventSourcingHandler
    void on(InspectionRecorded event) {
        inspectionIds.add(event.inspectionId());
        toUnit(event.unitId(), unit -> unit.on(event));
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        reportIds.add(event.reportId());
        toUnit(event.unitId(), unit -> unit.on(event));
    }

    @EventSourcingHandler
    void on(ReportOverdue event) {
        toUnit(event.unitId(), unit -> unit.on(event));
    }

    @EventSourcingHandler
    void on(CampaignConcluded event) {
        status = CampaignStatus.CONCLUDED;
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        status = CampaignStatus.CLOSED;
    }

    /**
     * The registered unit an event names. The campaign applies such events only for a registered unit; an event naming
     * none changes no unit, as with Axon's forwarding before (a stray event must not make the campaign unloadable).
     */
    private void toUnit(String unitId, Consumer<Participant> change) {
        Participant unit = participants.get(unitId);
        if (unit != null) {
            change.accept(unit);
        }
    }
}
