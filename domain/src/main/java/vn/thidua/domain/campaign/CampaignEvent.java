package vn.thidua.domain.campaign;

/**
 * Every event of a campaign's stream, the {@code Campaign} aggregate's. The list is closed: a new event must be
 * named here, and the tests then require its audit description and its approved JSON.
 * <p>
 * The records keep this package: their class names are the type names stored with every event, in the event store,
 * the dead-letter queue and the approved JSON fixtures.
 */
public sealed interface CampaignEvent permits
        AwardQuotaConsumed,
        AwardQuotaReleased,
        CampaignAmended,
        CampaignClosed,
        CampaignConcluded,
        CampaignLaunched,
        InspectionRecorded,
        ParticipantRegistered,
        ProposalAdmitted,
        ProposalReleased,
        QuotaAllocated,
        ReportOverdue,
        ReportSubmitted,
        WorkPledged {

    /** The campaign the event belongs to (its aggregate identifier). */
    String campaignId();
}
