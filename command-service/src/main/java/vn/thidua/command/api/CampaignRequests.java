package vn.thidua.command.api;

import vn.thidua.domain.campaign.value.CampaignPlan;
import vn.thidua.domain.campaign.value.InspectionRating;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.value.ReportKind;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the campaign endpoints. Ids in the path are not repeated in the body. */
public final class CampaignRequests {

    private CampaignRequests() {
    }

    public record Launch(String id, CampaignPlan plan) {
    }

    public record Amend(String reason, CampaignPlan plan) {
    }

    public record AllocateQuota(String schemeId, Integer collectives, Integer individuals, String reference) {
    }

    public record Register(String unitId, String unitName, List<PledgedWork> pledgedWorks) {
    }

    public record Inspect(String unitId, String inspectionId, LocalDate inspectedOn, String inspectedBy,
                          String findings, InspectionRating rating) {
    }

    public record Report(String unitId, String reportId, ReportKind kind, String milestoneId, String summary) {
    }

    public record Conclude(String summary) {
    }

    public record Close(String note) {
    }
}
