package vn.thidua.planimport;

import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.CampaignKind;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Issuer;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.Period;
import vn.thidua.domain.campaign.value.Signer;
import vn.thidua.domain.common.Level;
import vn.thidua.domain.common.TargetGroup;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan into a {@link PlanDraft}. Each part of a plan has its reader (opening: {@link HeadReader}; issuing
 * body: {@link IssuerReader}; kind, theme, motto, target groups: {@link ContentReader}; period and milestones:
 * {@link DatesReader}; award forms and dossiers: {@link AwardReader}; signature and recipients:
 * {@link SignatureReader}); this class puts their findings in the plan's shape and says what stayed blank. Nothing is
 * guessed: what no reader found is {@code null}, with the reason.
 */
public final class PlanImporter {

    /** The largest file read: a plan's .docx with its emblem and a scanned signature stays well under it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private PlanImporter() {
    }

    /**
     * A file as sent: a .docx (a ZIP package) or UTF-8 text (a byte-order mark allowed); anything else (a Word 97
     * .doc, a PDF, text in another encoding) is refused with what to do instead.
     */
    public static PlanDraft read(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new PlanImportException("Tệp " + content.length + " byte, vượt giới hạn " + MAX_BYTES / 1024 / 1024
                    + " MiB");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return read(DocxText.of(content));
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new PlanImportException("Tệp .doc (Word 97-2003) chưa được hỗ trợ: hãy lưu lại thành .docx");
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new PlanImportException("Tệp PDF chưa được hỗ trợ: hãy sao chép văn bản và gửi dạng text");
        }
        try {
            return read(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            throw new PlanImportException("Văn bản không phải UTF-8 (hãy lưu lại với mã UTF-8) hoặc không phải .docx");
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A plan's text (see {@link PlanText} for what it may hold around the words), read. */
    public static PlanDraft read(String input) {
        PlanText text = PlanText.of(input);
        Casing casing = new Casing(text.lines());
        Map<String, Source> sources = new LinkedHashMap<>();
        List<PlanDraft.Blank> blanks = new ArrayList<>();

        HeadReader.Head head = HeadReader.read(text);
        String number = value(head.number(), "plan.documentNumber", sources);
        if (number == null) {
            blanks.add(new PlanDraft.Blank("plan.documentNumber", head.numberBlank()
                    ? "Số văn bản để trống (bản chưa vào số)" : "Không thấy dòng \"Số: …\""));
        }
        Issuer issuer = value(IssuerReader.read(text, head, casing), "plan.issuer", sources);
        if (issuer == null) {
            blanks.add(new PlanDraft.Blank("plan.issuer", "Không thấy tên cơ quan ban hành"));
        } else if (issuer.level() == null) {
            blanks.add(new PlanDraft.Blank("plan.issuer.level", "Tên cơ quan không cho biết cấp"));
        }
        String place = value(head.place(), "plan.place", sources);
        LocalDate issueDate = value(head.issueDate(), "plan.issueDate", sources);
        if (issueDate == null && head.partialIssueDate() != null) {
            sources.put("plan.issueDate", head.partialIssueDate().source());
            blanks.add(new PlanDraft.Blank("plan.issueDate", "Ngày, tháng ban hành để trống (chỉ có "
                    + head.partialIssueDate().value().asWritten() + ")"));
        } else if (issueDate == null) {
            blanks.add(new PlanDraft.Blank("plan.issueDate", "Không thấy ngày ban hành"));
        }
        if (place == null) {
            blanks.add(new PlanDraft.Blank("plan.place", "Không thấy địa danh"));
        }
        String title = value(head.title(), "plan.title", sources);
        if (title == null) {
            blanks.add(new PlanDraft.Blank("plan.title", "Không thấy tiêu đề dưới chữ KẾ HOẠCH"));
        }
        int heading = head.heading();
        CampaignKind kind = value(ContentReader.kind(text, head.title(), heading), "plan.kind", sources);
        if (kind == null) {
            blanks.add(new PlanDraft.Blank("plan.kind", "Kế hoạch không gọi tên loại đợt thi đua"));
        }
        String theme = value(ContentReader.theme(text, heading), "plan.theme", sources);
        String motto = value(ContentReader.motto(text, heading), "plan.motto", sources);
        Set<TargetGroup> targets = value(ContentReader.targetGroups(text, heading), "plan.targetGroups", sources);
        Period period = period(DatesReader.period(text, heading, head.title(), issueDate), sources);
        if (period == null) {
            blanks.add(new PlanDraft.Blank("plan.period", "Kế hoạch không nêu thời gian của đợt thi đua"));
        } else if (period.start() == null) {
            blanks.add(new PlanDraft.Blank("plan.period.start",
                    "Thời gian tính từ ngày ký, mà ngày ban hành để trống"));
        }
        LocalDate notBefore = issueDate != null ? issueDate
                : head.partialIssueDate() != null ? head.partialIssueDate().value().first() : null;
        List<Milestone> milestones = milestones(DatesReader.milestones(text, heading, notBefore), sources);
        List<AwardScheme> schemes = schemes(AwardReader.schemes(text, heading), sources, blanks);
        if (targets == null && schemes != null) { // no "Đối tượng": those the award forms are for
            targets = EnumSet.noneOf(TargetGroup.class);
            for (AwardScheme scheme : schemes) {
                if (scheme.nomineeKinds() != null) {
                    targets.addAll(scheme.nomineeKinds());
                }
            }
            if (targets.isEmpty()) {
                targets = null;
            } else {
                sources.put("plan.targetGroups", sources.get("plan.awardSchemes[0]").withConfidence(0.5));
            }
        }
        if (targets == null) {
            blanks.add(new PlanDraft.Blank("plan.targetGroups", "Không thấy đối tượng thi đua"));
        }
        List<DossierRequirement> dossiers = dossiers(AwardReader.dossiers(text, heading), sources);
        Signer signer = value(SignatureReader.signer(text, casing), "plan.signer", sources);
        if (signer == null) {
            blanks.add(new PlanDraft.Blank("plan.signer", "Không thấy khối chữ ký (bản sao có thể chỉ có phần đầu)"));
        }
        List<String> recipients = value(SignatureReader.recipients(text), "plan.distributionList", sources);
        if (recipients == null) {
            blanks.add(new PlanDraft.Blank("plan.distributionList", "Không thấy mục \"Nơi nhận\""));
        }
        DraftPlan plan = new DraftPlan(number, issuer, place, issueDate, signer, title, theme, motto, kind, period,
                targets, schemes, dossiers, milestones, recipients);
        return new PlanDraft(plan, sources, blanks, text.text());
    }

    private static <T> T value(Field<T> field, String path, Map<String, Source> sources) {
        if (field == null) {
            return null;
        }
        if (field.value() != null) {
            sources.put(path, field.source());
        }
        return field.value();
    }

    private static Period period(DatesReader.PeriodFound found, Map<String, Source> sources) {
        if (found == null) {
            return null;
        }
        if (found.start() != null) {
            sources.put("plan.period.start", found.start().source());
        }
        sources.put("plan.period.end", found.end().source());
        return new Period(found.start() == null ? null : found.start().value().first(), found.end().value().last());
    }

    private static List<Milestone> milestones(List<DatesReader.MilestoneFound> found, Map<String, Source> sources) {
        if (found.isEmpty()) {
            return null;
        }
        List<Milestone> milestones = new ArrayList<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (DatesReader.MilestoneFound m : found) {
            int n = perKind.merge(m.kind().name(), 1, Integer::sum);
            String id = m.kind().name().replace('_', '-') + "-" + n;
            sources.put("plan.milestones[" + milestones.size() + "].dueDate", m.due().source());
            milestones.add(new Milestone(id, m.kind(), m.description(), m.due().value().last(),
                    m.responsibleBody()));
        }
        return milestones;
    }

    private static List<AwardScheme> schemes(List<AwardReader.SchemeFound> found, Map<String, Source> sources,
                                             List<PlanDraft.Blank> blanks) {
        if (found.isEmpty()) {
            return null;
        }
        List<AwardScheme> schemes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (AwardReader.SchemeFound s : found) {
            String at = "plan.awardSchemes[" + schemes.size() + "]";
            sources.put(at, s.source());
            String id = schemeId(s.form(), s.level());
            for (int n = 2; !ids.add(id); n++) {
                id = schemeId(s.form(), s.level()) + "-" + n;
            }
            schemes.add(new AwardScheme(id, s.form(), s.grantingAuthority(), s.level(), s.nomineeKinds(),
                    s.quota(), null));
            blanks.add(new PlanDraft.Blank(at + ".approvalThreshold",
                    "Kế hoạch không nêu tỷ lệ phiếu đồng ý của Hội đồng"));
            if (s.quota() == null) {
                blanks.add(new PlanDraft.Blank(at + ".quota", "Kế hoạch không nêu chỉ tiêu cho hình thức này"));
            }
        }
        return schemes;
    }

    /** "Bằng khen" at PROVINCE → BK-PROVINCE: the initials of the form's words and its level. */
    private static String schemeId(String form, Level level) {
        StringBuilder id = new StringBuilder();
        for (String word : Fold.of(form).split(" ")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0))) {
                id.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return id + (level == null ? "" : "-" + level.code());
    }

    private static List<DossierRequirement> dossiers(List<AwardReader.DossierFound> found,
                                                     Map<String, Source> sources) {
        if (found.isEmpty()) {
            return null;
        }
        List<DossierRequirement> dossiers = new ArrayList<>();
        for (AwardReader.DossierFound d : found) {
            sources.put("plan.dossierRequirements[" + dossiers.size() + "]", d.source());
            dossiers.add(new DossierRequirement(d.level(), d.documents()));
        }
        return dossiers;
    }
}
