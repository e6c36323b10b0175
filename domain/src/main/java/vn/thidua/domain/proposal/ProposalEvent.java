package vn.thidua.domain.proposal;

/**
 * Every event of an award proposal's stream, the {@code AwardProposal} aggregate's. The list is closed: a new event
 * must be named here, and the tests then require its audit description and its approved JSON.
 * <p>
 * The records keep this package: their class names are the type names stored with every event.
 */
public sealed interface ProposalEvent permits
        ProposalSubmitted,
        ProposalReturnedForSupplement,
        ProposalSupplemented,
        ProposalAppraised,
        CouncilVoteRecorded,
        AwardGranted,
        ProposalRejected,
        ProposalWithdrawn,
        AwardRevoked {

    /** The proposal the event belongs to (its aggregate identifier). */
    String proposalId();
}
