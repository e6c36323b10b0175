package vn.thidua.planimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.thidua.domain.campaign.value.AwardScheme;
import vn.thidua.domain.campaign.value.DocumentRequirement;
import vn.thidua.domain.campaign.value.DossierRequirement;
import vn.thidua.domain.campaign.value.Milestone;
import vn.thidua.domain.campaign.value.Quota;
import vn.thidua.domain.common.TargetGroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four seed plans with their hand labels ({@code plan-labels/}), and the scoring of a draft against them: every
 * labelled field counts once (a field labelled {@code null} too: the importer must leave it blank), compared after NFC
 * and whitespace folding; a value the draft gives where the label has none, or a list item the label does not have,
 * is <em>invented</em>.
 */
final class LabelledPlans {

    static final List<String> LABELS = List.of("001.json", "002.json", "003.json", "004.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”]*)[\"”]");

    /** One labelled field compared: {@code name} without its index (for the table per field). */
    record Score(String seed, String name, String expected, String actual, boolean correct, boolean invented) {
    }

    /** A seed plan: its text and its labels. */
    record Seed(String file, String text, JsonNode labels) {
    }

    private LabelledPlans() {
    }

    /** The shared seeds folder: {@code -Dthidua.seeds}, or {@code shared/seeds} beside the checkout (or above it). */
    static Path seedsFolder() {
        String configured = System.getProperty("thidua.seeds", System.getenv("THIDUA_SEEDS"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
        }
        throw new IllegalStateException("No shared/seeds folder beside the checkout (set -Dthidua.seeds)");
    }

    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (String label : LABELS) {
            try (InputStream in = LabelledPlans.class.getResourceAsStream("/plan-labels/" + label)) {
                JsonNode labels = JSON.readTree(Objects.requireNonNull(in, label));
                String file = labels.get("seed").asText();
                seeds.add(new Seed(file, Files.readString(seedsFolder().resolve(file), StandardCharsets.UTF_8),
                        labels));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    static String folded(String value) {
        return value == null ? null
                : Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Scores a draft of {@code seed} against its labels; {@code only} (if not null) limits to those field names. */
    static List<Score> score(Seed seed, PlanDraft draft) {
        List<Score> scores = new ArrayList<>();
        JsonNode l = seed.labels();
        DraftPlan p = draft.plan();
        String s = seed.file();
        scalar(scores, s, "documentNumber", text(l.get("documentNumber")), p.documentNumber());
        JsonNode issuer = l.get("issuer");
        scalar(scores, s, "issuer.name", text(issuer.get("name")), p.issuer() == null ? null : p.issuer().name());
        scalar(scores, s, "issuer.level", text(issuer.get("level")),
                p.issuer() == null || p.issuer().level() == null ? null : p.issuer().level().code());
        scalar(scores, s, "place", text(l.get("place")), p.place());
        scalar(scores, s, "issueDate", text(l.get("issueDate")), p.issueDate() == null ? null
                : p.issueDate().toString());
        scalar(scores, s, "title", span(seed, l.get("title")), p.title());
        scalar(scores, s, "kind", text(l.get("kind")), p.kind() == null ? null : p.kind().name());
        scalar(scores, s, "theme", span(seed, l.get("theme")), p.theme());
        scalar(scores, s, "motto", span(seed, l.get("motto")), p.motto());
        JsonNode period = l.get("period");
        scalar(scores, s, "period.start", period.isNull() ? null : period.get("start").asText(),
                written(draft, "plan.period.start", p.period() == null ? null : p.period().start()));
        scalar(scores, s, "period.end", period.isNull() ? null : period.get("end").asText(),
                written(draft, "plan.period.end", p.period() == null ? null : p.period().end()));
        scalar(scores, s, "targetGroups", l.get("targetGroups").isNull() ? null : l.get("targetGroups").toString(),
                p.targetGroups() == null ? null : groups(p.targetGroups()));
        schemes(scores, s, l.get("awardSchemes"), p.awardSchemes());
        dossiers(scores, s, l.get("dossierRequirements"), p.dossierRequirements());
        milestones(scores, s, l.get("milestones"), p.milestones(), draft);
        JsonNode signer = l.get("signer");
        scalar(scores, s, "signer.name", signer.isNull() ? null : text(signer.get("name")),
                p.signer() == null ? null : p.signer().name());
        scalar(scores, s, "signer.title", signer.isNull() ? null : text(signer.get("title")),
                p.signer() == null ? null : p.signer().title());
        scalar(scores, s, "signer.onBehalfOf", signer.isNull() ? null : text(signer.get("onBehalfOf")),
                p.signer() == null ? null : p.signer().onBehalfOf());
        items(scores, s, l.get("distributionList"), p.distributionList());
        return scores;
    }

    private static void scalar(List<Score> scores, String seed, String name, String expected, String actual) {
        String e = folded(expected);
        String a = folded(actual);
        scores.add(new Score(seed, name, e, a, Objects.equals(e, a), e == null && a != null));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A label that points into the seed: {"lines": [a, b]} or {"line": n, "quote": k}. */
    private static String span(Seed seed, JsonNode label) {
        if (label == null || label.isNull()) {
            return null;
        }
        String[] lines = seed.text().split("\n", -1);
        if (label.has("lines")) {
            StringBuilder out = new StringBuilder();
            for (int n = label.get("lines").get(0).asInt(); n <= label.get("lines").get(1).asInt(); n++) {
                out.append(unmarked(lines[n - 1])).append(' ');
            }
            return out.toString();
        }
        Matcher q = QUOTED.matcher(unmarked(lines[label.get("line").asInt() - 1]));
        for (int k = 0; k < label.get("quote").asInt(); k++) {
            if (!q.find()) {
                throw new IllegalStateException("No quote " + label + " in " + seed.file());
            }
        }
        return q.group(1);
    }

    private static String unmarked(String line) {
        return line.replaceAll("[*#\\\\]", "");
    }

    private static String written(PlanDraft draft, String path, Object value) {
        Source source = draft.sources().get(path);
        if (source != null && source.asWritten() != null) {
            return source.asWritten();
        }
        return value == null ? null : value.toString();
    }

    private static String groups(Iterable<TargetGroup> groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add("\"" + g.name() + "\""));
        return "[" + String.join(",", names) + "]";
    }

    private static void schemes(List<Score> scores, String seed, JsonNode labels, List<AwardScheme> drafted) {
        List<AwardScheme> left = drafted == null ? new ArrayList<>() : new ArrayList<>(drafted);
        if (labels != null && !labels.isNull()) {
            for (JsonNode label : labels) {
                AwardScheme match = left.stream().filter(a -> Fold.of(a.form()).equals(Fold.of(label.get("form")
                        .asText())) && a.level() != null && a.level().code().equals(label.get("level").asText()))
                        .findFirst().orElse(null);
                left.remove(match);
                String form = label.get("form").asText();
                scalar(scores, seed, "awardSchemes.form", form, match == null ? null : match.form());
                scalar(scores, seed, "awardSchemes.grantingAuthority", label.get("grantingAuthority").asText(),
                        match == null ? null : match.grantingAuthority());
                scalar(scores, seed, "awardSchemes.level", label.get("level").asText(),
                        match == null ? null : match.level().code());
                scalar(scores, seed, "awardSchemes.nomineeKinds", label.get("nomineeKinds").toString(),
                        match == null || match.nomineeKinds() == null ? null : groups(match.nomineeKinds()));
                scalar(scores, seed, "awardSchemes.quota", label.get("quota").asText(),
                        match == null ? null : quota(match.quota()));
            }
        } else {
            scalar(scores, seed, "awardSchemes", null, drafted == null ? null : drafted.toString());
            left.clear();
        }
        for (AwardScheme extra : left) {
            scores.add(new Score(seed, "awardSchemes.extra", null, extra.form(), false, true));
        }
    }

    private static String quota(Quota quota) {
        if (quota == null) {
            return null;
        }
        return quota.pending() ? "pending" : quota.collectives() + "/" + quota.individuals();
    }

    private static void dossiers(List<Score> scores, String seed, JsonNode labels, List<DossierRequirement> drafted) {
        if (labels == null || labels.isNull()) {
            scalar(scores, seed, "dossierRequirements", null, drafted == null ? null : drafted.toString());
            return;
        }
        List<DossierRequirement> left = drafted == null ? new ArrayList<>() : new ArrayList<>(drafted);
        for (JsonNode label : labels) {
            Map<String, Integer> expected = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> docs = label.get("documents").fields();
            docs.forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
            DossierRequirement match = left.stream().filter(d -> d.level() != null
                    && d.level().code().equals(label.get("level").asText())).findFirst().orElse(null);
            left.remove(match);
            scalar(scores, seed, "dossierRequirements", label.get("level").asText() + " " + expected,
                    match == null ? null : match.level().code() + " " + documents(match.documents()));
        }
        for (DossierRequirement extra : left) {
            scores.add(new Score(seed, "dossierRequirements.extra", null, String.valueOf(extra), false, true));
        }
    }

    private static String documents(List<DocumentRequirement> documents) {
        Map<String, Integer> copies = new TreeMap<>();
        documents.forEach(d -> copies.merge(d.type().name(), d.copies(), Integer::sum));
        return copies.toString();
    }

    private static void milestones(List<Score> scores, String seed, JsonNode labels, List<Milestone> drafted,
                                   PlanDraft draft) {
        Map<Integer, String[]> left = new LinkedHashMap<>(); // index → {due as written, kind}
        if (drafted != null) {
            for (int i = 0; i < drafted.size(); i++) {
                left.put(i, new String[]{written(draft, "plan.milestones[" + i + "].dueDate",
                        drafted.get(i).dueDate()), drafted.get(i).kind().name()});
            }
        }
        if (labels == null || labels.isNull()) {
            scalar(scores, seed, "milestones", null, left.isEmpty() ? null : String.valueOf(left.size()));
            return;
        }
        List<JsonNode> unmatched = new ArrayList<>();
        for (JsonNode label : labels) { // first the milestones right in date and kind
            Integer hit = find(left, label.get("due").asText(), label.get("kind").asText());
            if (hit == null) {
                unmatched.add(label);
                continue;
            }
            String[] m = left.remove(hit);
            scalar(scores, seed, "milestones.due", label.get("due").asText(), m[0]);
            scalar(scores, seed, "milestones.kind", label.get("kind").asText(), m[1]);
        }
        for (JsonNode label : unmatched) { // then those right in date only
            Integer hit = find(left, label.get("due").asText(), null);
            String[] m = hit == null ? null : left.remove(hit);
            scalar(scores, seed, "milestones.due", label.get("due").asText(), m == null ? null : m[0]);
            scalar(scores, seed, "milestones.kind", label.get("kind").asText(), m == null ? null : m[1]);
        }
        for (String[] extra : left.values()) {
            scores.add(new Score(seed, "milestones.extra", null, extra[0] + " " + extra[1], false, true));
        }
    }

    private static Integer find(Map<Integer, String[]> left, String due, String kind) {
        for (Map.Entry<Integer, String[]> e : left.entrySet()) {
            if (e.getValue()[0].equals(due) && (kind == null || e.getValue()[1].equals(kind))) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void items(List<Score> scores, String seed, JsonNode labels, List<String> drafted) {
        List<String> left = new ArrayList<>();
        if (drafted != null) {
            drafted.forEach(d -> left.add(folded(d)));
        }
        if (labels == null || labels.isNull()) {
            scalar(scores, seed, "distributionList", null, drafted == null ? null : drafted.toString());
            return;
        }
        for (JsonNode label : labels) {
            String expected = folded(label.asText());
            boolean found = left.remove(expected);
            scores.add(new Score(seed, "distributionList", expected, found ? expected : null, found, false));
        }
        for (String extra : left) {
            scores.add(new Score(seed, "distributionList.extra", null, extra, false, true));
        }
    }
}
