package vn.thidua.domain.proposal.value;

/**
 * How a proposal ended without an award, which frees its nominee for another proposal in the campaign. Stored by name
 * in {@code ProposalReleased} (the names of the matching {@link ProposalStatus}).
 */
public enum ProposalOutcome {
    REJECTED(ProposalStatus.REJECTED),
    WITHDRAWN(ProposalStatus.WITHDRAWN);

    private final ProposalStatus status;

    ProposalOutcome(ProposalStatus status) {
        this.status = status;
    }

    /** The proposal's status once it ended so. */
    public ProposalStatus status() {
        return status;
    }

    public String label() {
        return status.label();
    }
}
