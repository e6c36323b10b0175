package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.Signer;
import vn.thidua.domain.common.TargetGroup;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A plan as read: the fields of {@link vn.thidua.domain.campaign.value.CampaignPlan}, by the same names and types, so
 * that the JSON of a draft, corrected, is the {@code plan} of {@code POST /api/campaigns}. Unlike a plan it is not
 * checked, and a field the text does not hold stays {@code null} (lists included): a blank to fill, not an empty
 * answer.
 */
public record DraftPlan(String documentNumber, Issuer issuer, String place, LocalDate issueDate, Signer signer,
                        String title, String theme, String motto, CampaignKind kind, Period period,
                        Set<TargetGroup> targetGroups, List<AwardScheme> awardSchemes,
                        List<DossierRequirement> dossierRequirements, List<Milestone> milestones,
                        List<String> distributionList) {
}
