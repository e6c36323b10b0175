package vn.thidua.command;

import vn.thidua.domain.common.DomainClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Plan bodies dated around today, as JSON-ready maps: a district Giấy khen and a provincial Bằng khen. */
public final class TestPlans {

    private TestPlans() {
    }

    public static Map<String, Object> plan(String documentNumber, int collectives, int individuals) {
        LocalDate today = LocalDate.now(DomainClock.VIETNAM);
        return Map.ofEntries(
                Map.entry("documentNumber", documentNumber),
                Map.entry("issuer", Map.of("name", "Ủy ban nhân dân huyện Thủ Thừa", "level", "DISTRICT")),
                Map.entry("place", "Thủ Thừa"),
                Map.entry("issueDate", today.minusDays(10).toString()),
                Map.entry("signer", Map.of("name", "Nguyễn Đăng Minh Xuân", "title", "Chủ tịch")),
                Map.entry("title", "Đợt thi đua kiểm thử " + documentNumber),
                Map.entry("kind", "SPECIAL"),
                Map.entry("period", Map.of("start", today.minusDays(10).toString(),
                        "end", today.plusMonths(6).toString())),
                Map.entry("targetGroups", List.of("COLLECTIVE", "INDIVIDUAL")),
                Map.entry("awardSchemes", List.of(
                        Map.of("schemeId", "GK", "form", "Giấy khen", "grantingAuthority", "Chủ tịch UBND huyện",
                                "level", "DISTRICT", "nomineeKinds", List.of("COLLECTIVE", "INDIVIDUAL"),
                                "quota", Map.of("pending", false, "collectives", collectives,
                                        "individuals", individuals),
                                "approvalThreshold", Map.of("ratio", 0.5, "strict", true)),
                        Map.of("schemeId", "BK", "form", "Bằng khen", "grantingAuthority", "Chủ tịch UBND tỉnh",
                                "level", "PROVINCE", "nomineeKinds", List.of("COLLECTIVE", "INDIVIDUAL"),
                                "quota", Map.of("pending", true),
                                "approvalThreshold", Map.of("ratio", 0.9, "strict", false)))),
                Map.entry("dossierRequirements", List.of(
                        Map.of("level", "PROVINCE", "documents", List.of(
                                Map.of("type", "SUBMISSION_MEMO", "copies", 1),
                                Map.of("type", "MEETING_MINUTES", "copies", 1),
                                Map.of("type", "ACHIEVEMENT_REPORT", "copies", 3))),
                        Map.of("level", "DISTRICT", "documents", List.of(
                                Map.of("type", "SUBMISSION_MEMO", "copies", 1),
                                Map.of("type", "MEETING_MINUTES", "copies", 1),
                                Map.of("type", "ACHIEVEMENT_REPORT", "copies", 1))))),
                Map.entry("milestones", List.of(
                        Map.of("milestoneId", "SK", "kind", "INTERIM_REPORT", "description", "Sơ kết",
                                "dueDate", today.plusMonths(1).toString(), "responsibleBody", "Các đơn vị"),
                        Map.of("milestoneId", "HS", "kind", "PROPOSAL", "description", "Hạn nộp hồ sơ",
                                "dueDate", today.plusMonths(5).toString(), "responsibleBody", "Phòng Nội vụ"))),
                Map.entry("distributionList", List.of("UBND các xã, thị trấn")));
    }

    public static List<Map<String, Object>> districtDossier() {
        return List.of(Map.of("type", "SUBMISSION_MEMO", "title", "Tờ trình", "copies", 1),
                Map.of("type", "MEETING_MINUTES", "title", "Biên bản họp", "copies", 1),
                Map.of("type", "ACHIEVEMENT_REPORT", "title", "Báo cáo thành tích", "copies", 1));
    }
}
