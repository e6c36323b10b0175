package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Bounds;
import vn.thidua.domain.common.Check;
import vn.thidua.domain.common.Limits;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.DomainRuleException;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.TargetGroup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a Kế hoạch: what launches a campaign and what an amendment replaces.
 * {@link #check()} holds every rule about a plan's own content.
 */
public record CampaignPlan(String documentNumber, Issuer issuer, String place, LocalDate issueDate, Signer signer,
                           String title, String theme, String motto, CampaignKind kind, Period period,
                           Set<TargetGroup> targetGroups, List<AwardScheme> awardSchemes,
                           List<DossierRequirement> dossierRequirements, List<Milestone> milestones,
                           List<String> distributionList) {

    public CampaignPlan {
        targetGroups = TargetGroup.ordered(targetGroups);
        awardSchemes = Check.orEmpty(awardSchemes);
        dossierRequirements = Check.orEmpty(dossierRequirements);
        milestones = Check.orEmpty(milestones);
        distributionList = Check.orEmpty(distributionList);
    }

    /** Refuses a plan that breaks a rule about its own content. */
    public CampaignPlan check() {
        Check.required(documentNumber, "plan.documentNumber");
        Check.required(issuer, "plan.issuer");
        Check.required(issuer.name(), "plan.issuer.name");
        Check.required(issuer.level(), "plan.issuer.level");
        Check.required(issueDate, "plan.issueDate");
        Check.required(title, "plan.title");
        Check.required(kind, "plan.kind");
        Check.required(period, "plan.period");
        Check.required(period.start(), "plan.period.start");
        Check.required(period.end(), "plan.period.end");
        withinWindow(period.start(), "plan.period.start");
        withinWindow(period.end(), "plan.period.end");
        if (period.end().isBefore(period.start())) {
            throw new DomainRuleException(Refusal.PERIOD_END_BEFORE_START, "plan.period.end",
                    period.end(), period.start());
        }
        if (targetGroups.isEmpty()) {
            throw new DomainRuleException(Refusal.NO_TARGET_GROUP, "plan.targetGroups");
        }
        if (signer != null) {
            Check.required(signer.name(), "plan.signer.name");
        }
        checkMilestones();
        checkSchemes();
        checkDossierRequirements();
        return this;
    }

    private void checkMilestones() {
        Check.unique(milestones, Milestone::milestoneId, "plan.milestones.milestoneId");
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            String at = "plan.milestones[" + i + "]";
            Check.required(m, at);
            Check.required(m.milestoneId(), at + ".milestoneId");
            Check.required(m.kind(), at + ".kind");
            Check.required(m.description(), at + ".description");
            Check.required(m.dueDate(), at + ".dueDate");
            withinWindow(m.dueDate(), at + ".dueDate");
            if (m.dueDate().isBefore(issueDate)) {
                throw new DomainRuleException(Refusal.DUE_DATE_BEFORE_ISSUE_DATE, at + ".dueDate",
                        m.description(), m.dueDate(), issueDate);
            }
        }
    }

    private void checkSchemes() {
        Check.unique(awardSchemes, AwardScheme::schemeId, "plan.awardSchemes.schemeId");
        for (int i = 0; i < awardSchemes.size(); i++) {
            AwardScheme s = awardSchemes.get(i);
            String at = "plan.awardSchemes[" + i + "]";
            Check.required(s, at);
            Check.required(s.schemeId(), at + ".schemeId");
            Check.required(s.form(), at + ".form");
            Check.required(s.grantingAuthority(), at + ".grantingAuthority");
            Check.required(s.level(), at + ".level");
            Check.required(s.nomineeKinds(), at + ".nomineeKinds");
            for (TargetGroup kind : s.nomineeKinds()) {
                if (!targetGroups.contains(kind)) {
                    throw new DomainRuleException(Refusal.SCHEME_NOMINEE_OUTSIDE_TARGETS, at + ".nomineeKinds",
                            s.form(), kind.label());
                }
            }
            Check.required(s.quota(), at + ".quota");
            s.quota().check(at + ".quota");
            Check.required(s.approvalThreshold(), at + ".approvalThreshold");
            BigDecimal ratio = Check.required(s.approvalThreshold().ratio(), at + ".approvalThreshold.ratio");
            // the scale first: comparing or printing a ratio like 1e-20000000 costs memory and time
            if (ratio.stripTrailingZeros().scale() > Limits.RATIO_MAX_SCALE) {
                throw new DomainRuleException(Refusal.THRESHOLD_TOO_PRECISE, at + ".approvalThreshold.ratio",
                        Limits.RATIO_MAX_SCALE, ratio.toString());
            }
            if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                throw new DomainRuleException(Refusal.INVALID_THRESHOLD, at + ".approvalThreshold.ratio", ratio);
            }
        }
    }

    private void checkDossierRequirements() {
        Check.unique(dossierRequirements, r -> r.level() == null ? null : r.level().code(),
                "plan.dossierRequirements.level");
        for (int i = 0; i < dossierRequirements.size(); i++) {
            DossierRequirement r = dossierRequirements.get(i);
            String at = "plan.dossierRequirements[" + i + "]";
            Check.required(r, at);
            Check.required(r.level(), at + ".level");
            Check.required(r.documents(), at + ".documents");
            for (int j = 0; j < r.documents().size(); j++) {
                DocumentRequirement d = r.documents().get(j);
                Check.required(d.type(), at + ".documents[" + j + "].type");
                if (d.copies() < 1) {
                    throw new DomainRuleException(Refusal.COPIES_BELOW_ONE, at + ".documents[" + j + "].copies",
                            at + ".documents[" + j + "].copies");
                }
                Bounds.number(d.copies(), 1, Limits.COPIES_MAX, at + ".documents[" + j + "].copies");
            }
        }
    }

    /** A date of the plan lies within a sane window around its issue date (no period ending in year 999999999). */
    private void withinWindow(LocalDate date, String field) {
        LocalDate from = issueDate.minusYears(Limits.PLAN_YEARS_BEFORE_ISSUE);
        LocalDate to = issueDate.plusYears(Limits.PLAN_YEARS_AFTER_ISSUE);
        if (date.isBefore(from) || date.isAfter(to)) {
            throw new DomainRuleException(Refusal.PLAN_DATE_OUT_OF_WINDOW, field, field, date,
                    Limits.PLAN_YEARS_BEFORE_ISSUE, Limits.PLAN_YEARS_AFTER_ISSUE, issueDate);
        }
    }

    /** A date in the campaign's life (an inspection, say): not after today, not before the plan was issued. */
    public void checkPastDate(LocalDate date, String field, Refusal.Act what) {
        if (date.isAfter(DomainClock.today())) {
            throw new DomainRuleException(Refusal.DATE_IN_FUTURE, field, what, date);
        }
        if (date.isBefore(issueDate)) {
            throw new DomainRuleException(Refusal.DATE_BEFORE_PLAN, field, what, date, issueDate);
        }
    }

    public Optional<AwardScheme> scheme(String schemeId) {
        return awardSchemes.stream().filter(s -> s.schemeId().equals(schemeId)).findFirst();
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst();
    }

    /** The latest due date among milestones of a kind (e.g. the registration deadline), if the plan sets one. */
    public Optional<LocalDate> deadline(MilestoneKind kind) {
        return milestones.stream().filter(m -> m.kind() == kind).map(Milestone::dueDate)
                .max(LocalDate::compareTo);
    }

    public DossierRequirement dossierFor(Level level) {
        return dossierRequirements.stream().filter(r -> r.level().equals(level)).findFirst()
                .orElse(new DossierRequirement(level, List.of()));
    }

    /** Issuer and document number identify a plan: one plan launches at most one campaign. */
    public PlanKey key() {
        return PlanKey.of(issuer.name(), documentNumber);
    }

    // ------------------------------------------------------------------ the same plan with one part changed

    public CampaignPlan withDocumentNumber(String documentNumber) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withIssuer(Issuer issuer) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withIssueDate(LocalDate issueDate) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withTitle(String title) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withPeriod(Period period) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withTargetGroups(Set<TargetGroup> targetGroups) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withAwardSchemes(List<AwardScheme> awardSchemes) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withDossierRequirements(List<DossierRequirement> dossierRequirements) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withMilestones(List<Milestone> milestones) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    public CampaignPlan withDistributionList(List<String> distributionList) {
        return new CampaignPlan(documentNumber, issuer, place, issueDate, signer, title, theme, motto, kind,
                period, targetGroups, awardSchemes, dossierRequirements, milestones, distributionList);
    }

    /** The plan with one scheme's quota replaced (what an allocation of a pending quota does). */
    public CampaignPlan withQuota(String schemeId, Quota quota) {
        return withAwardSchemes(awardSchemes.stream()
                .map(s -> s.schemeId().equals(schemeId) ? s.withQuota(quota) : s).toList());
    }
}
