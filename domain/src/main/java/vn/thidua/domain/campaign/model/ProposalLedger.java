package vn.thidua.domain.campaign.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.thidua.domain.campaign.AwardQuotaConsumed;
import vn.thidua.domain.campaign.AwardQuotaReleased;
import vn.thidua.domain.campaign.ProposalAdmitted;
import vn.thidua.domain.campaign.ProposalReleased;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.DossierDocument;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.campaign.value.QuotaBucket;
import vn.thidua.domain.campaign.value.SchemeTerms;
import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.Refusal.Counted;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;
import vn.thidua.domain.proposal.value.ProposalOutcome;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Campaign} aggregate: the campaign's record of the proposals admitted to it and of each
 * scheme's quota, with the rules that are about them: "one achievement, one award" (a nominee holds at most one live
 * proposal), the number of proposals, and the quota an award takes and a revocation gives back.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class ProposalLedger {

    private record AdmittedProposal(String schemeId, TargetGroup nomineeKind, String nomineeKey, boolean decided) {
        AdmittedProposal decide() {
            return new AdmittedProposal(schemeId, nomineeKind, nomineeKey, true);
        }
    }

    private final Map<String, AdmittedProposal> proposals = new HashMap<>();
    /** Nominee key → the live proposal that holds it. */
    private final Map<String, String> liveNominees = new HashMap<>();
    /** Scheme → quota places used, per bucket. */
    private final Map<String, Map<QuotaBucket, Integer>> quotaUsed = new HashMap<>();

    // ------------------------------------------------------------------ rules

    /** An amended plan keeps every scheme a proposal uses, and no quota below the places already used. */
    void checkAmendment(CampaignPlan current, CampaignPlan amended) {
        for (AwardScheme scheme : current.awardSchemes()) {
            Optional<AwardScheme> next = amended.scheme(scheme.schemeId());
            if (next.isEmpty()) {
                if (proposals.values().stream().anyMatch(p -> p.schemeId().equals(scheme.schemeId()))) {
                    throw new DomainRuleException(Refusal.SCHEME_IN_USE, "plan.awardSchemes", scheme.form());
                }
                continue;
            }
            for (QuotaBucket bucket : QuotaBucket.values()) {
                int used = used(scheme.schemeId(), bucket);
                if (used > next.get().quota().limit(bucket)) {
                    throw new DomainRuleException(Refusal.QUOTA_BELOW_USED, "plan.awardSchemes",
                            bucket.label(), scheme.form(), used);
                }
            }
        }
    }

    /**
     * Records a proposal for a nominee the scheme is for, with the dossier the scheme's level requires, whose nominee
     * holds no live proposal yet, within the campaign's number of proposals. Returns the terms it will be judged by.
     */
    SchemeTerms admit(String campaignId, String proposalId, CampaignPlan plan, AwardScheme scheme,
                      String proposingUnitId, TargetGroup nomineeKind, String nomineeKey, String nomineeName,
                      List<DossierDocument> documents) {
        if (!scheme.nomineeKinds().contains(nomineeKind)) {
            throw new DomainRuleException(Refusal.NOMINEE_KIND_NOT_ALLOWED, "nominee.kind", scheme.form(),
                    nomineeKind.label());
        }
        DossierRequirement requirement = plan.dossierFor(scheme.level());
        List<String> shortfalls = requirement.shortfalls(documents);
        if (!shortfalls.isEmpty()) {
            throw new DomainRuleException(Refusal.DOSSIER_INCOMPLETE, "documents", scheme.level(),
                    String.join("; ", shortfalls));
        }
        Bounds.room(proposals.size(), Limits.PROPOSALS_PER_CAMPAIGN, Counted.PROPOSALS_OF_A_CAMPAIGN);
        String holder = liveNominees.get(nomineeKey);
        if (holder != null) {
            throw new DomainRuleException(Refusal.NOMINEE_HAS_LIVE_PROPOSAL, "nominee", nomineeName, holder);
        }
        apply(new ProposalAdmitted(campaignId, proposalId, scheme.schemeId(), proposingUnitId, nomineeKind,
                nomineeKey, nomineeName));
        return new SchemeTerms(scheme.form(), scheme.grantingAuthority(), scheme.level(),
                scheme.approvalThreshold(), requirement.documents());
    }

    /** An award takes one place of its scheme's quota; a pending or exhausted quota refuses. */
    void consumeQuota(String campaignId, String proposalId, AwardScheme scheme) {
        if (scheme.quota().pending()) {
            throw DomainRuleException.of(Refusal.QUOTA_PENDING, scheme.form());
        }
        QuotaBucket bucket = Quota.bucketFor(admitted(proposalId).nomineeKind());
        int used = used(scheme.schemeId(), bucket);
        int limit = scheme.quota().limit(bucket);
        if (used >= limit) {
            throw DomainRuleException.of(Refusal.QUOTA_EXHAUSTED, bucket.label(), scheme.form(), used, limit);
        }
        apply(new AwardQuotaConsumed(campaignId, scheme.schemeId(), proposalId, bucket, used + 1, limit));
    }

    /** A revoked award gives its place back. */
    void releaseQuota(String campaignId, String proposalId, CampaignPlan plan) {
        AdmittedProposal proposal = admitted(proposalId);
        QuotaBucket bucket = Quota.bucketFor(proposal.nomineeKind());
        int limit = plan.scheme(proposal.schemeId()).map(s -> s.quota().limit(bucket)).orElse(0);
        apply(new AwardQuotaReleased(campaignId, proposal.schemeId(), proposalId, bucket,
                used(proposal.schemeId(), bucket) - 1, limit));
    }

    /** A proposal that ended without an award frees its nominee for another proposal. */
    void releaseProposal(String campaignId, String proposalId, ProposalOutcome outcome) {
        apply(new ProposalReleased(campaignId, proposalId, admitted(proposalId).nomineeKey(), outcome));
    }

    String schemeOf(String proposalId) {
        return admitted(proposalId).schemeId();
    }

    long undecided() {
        return proposals.values().stream().filter(p -> !p.decided()).count();
    }

    private AdmittedProposal admitted(String proposalId) {
        AdmittedProposal proposal = proposals.get(proposalId);
        if (proposal == null) {
            throw new IllegalStateException("Proposal " + proposalId + " was never admitted");
        }
        return proposal;
    }

    private int used(String schemeId, QuotaBucket bucket) {
        return quotaUsed.getOrDefault(schemeId, Map.of()).getOrDefault(bucket, 0);
    }

    // ------------------------------------------------------------------ state from events

    @EventSourcingHandler
    void on(ProposalAdmitted event) {
        proposals.put(event.proposalId(),
                new AdmittedProposal(event.schemeId(), event.nomineeKind(), event.nomineeKey(), false));
        liveNominees.put(event.nomineeKey(), event.proposalId());
    }

    @EventSourcingHandler
    void on(ProposalReleased event) {
        proposals.computeIfPresent(event.proposalId(), (id, p) -> p.decide());
        liveNominees.remove(event.nomineeKey(), event.proposalId());
    }

    @EventSourcingHandler
    void on(AwardQuotaConsumed event) {
        proposals.computeIfPresent(event.proposalId(), (id, p) -> p.decide());
        used(event.schemeId()).put(event.bucket(), event.used());
    }

    @EventSourcingHandler
    void on(AwardQuotaReleased event) {
        used(event.schemeId()).put(event.bucket(), event.used());
    }

    private Map<QuotaBucket, Integer> used(String schemeId) {
        return quotaUsed.computeIfAbsent(schemeId, s -> new EnumMap<>(QuotaBucket.class));
    }

    /** Compared field by field: the aggregate test fixture checks that events rebuild the state a command left. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProposalLedger l && proposals.equals(l.proposals) && liveNominees.equals(l.liveNominees)
                && quotaUsed.equals(l.quotaUsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proposals, liveNominees, quotaUsed);
    }
}
