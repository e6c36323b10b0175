package vn.thidua.planimport;

import java.util.List;
import java.util.Map;

/**
 * What the importer answers: the draft {@code plan} (the shape {@code POST /api/campaigns} takes), for every field it
 * filled where in the text it came from ({@code sources}, by the field's JSON path, e.g. {@code plan.issueDate},
 * {@code plan.milestones[1].dueDate}), the fields it left blank and why ({@code blanks}), and the text as read (all
 * offsets are into it: a .docx's text is the one POI gave).
 */
public record PlanDraft(DraftPlan plan, Map<String, Source> sources, List<Blank> blanks, String text) {

    /** A field the text does not hold (or not fully: a date without its day), with the reason in Vietnamese. */
    public record Blank(String field, String reason) {
    }
}
