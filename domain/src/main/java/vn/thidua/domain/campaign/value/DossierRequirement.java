package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Level;

import java.util.ArrayList;
import java.util.List;

/**
 * Thủ tục hồ sơ for proposals at one level, e.g. seed 2: province = 1 memo, 1 minutes, 3 achievement reports.
 */
public record DossierRequirement(Level level, List<DocumentRequirement> documents) {

    /** What the given dossier lacks, one Vietnamese phrase per missing line; empty when complete. */
    public List<String> shortfalls(List<DossierDocument> dossier) {
        List<String> missing = new ArrayList<>();
        for (DocumentRequirement required : documents) {
            int supplied = dossier.stream().filter(d -> d.type() == required.type())
                    .mapToInt(DossierDocument::copies).sum();
            if (supplied < required.copies()) {
                missing.add(String.format("%s cần %02d bản, có %02d", required.type().label(),
                        required.copies(), supplied));
            }
        }
        return missing;
    }
}
