package vn.thidua.projections;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One read model: the documents of one collection and the events that change them, each declared once as
 * "on this event, this document (found by this id) changes so". The mechanics every read model shares are here and
 * nowhere else: the document is found in the batch (read at most once per batch), an event it has applied already
 * is skipped ({@link View#accepts}, which also stamps its position), the version is stamped for events of the stream
 * the document follows, and only documents that changed are written back ({@link DocumentBatch#flush}).
 *
 * @param <V> the document type
 */
public abstract class Projector<V extends View> {

    /** How a rule finds its document. */
    private enum Presence { CREATED, REQUIRED, OPTIONAL }

    /** How an event changes its document; {@code in} gives the event's position and the batch's other documents. */
    @FunctionalInterface
    protected interface Change<E, V> {
        void apply(V document, E event, Context in);
    }

    /** {@code eventAlone}: the id from the event alone, where it names its document by itself (else null). */
    private record Rule<E, V>(Presence presence, BiFunction<E, Context, String> id, Function<E, String> eventAlone,
                              Change<E, V> change) {
    }

    private final String collection;
    private final Class<V> type;
    private final Supplier<V> blank;
    private final Class<?> stream;
    private final Map<Class<?>, Rule<?, V>> rules = new HashMap<>();

    /**
     * @param stream the event family whose sequence numbers are this document's version (for a {@link VersionedView}),
     *               or null
     */
    protected Projector(String collection, Class<V> type, Supplier<V> blank, Class<?> stream) {
        this.collection = collection;
        this.type = type;
        this.blank = blank;
        this.stream = stream;
    }

    /** {@code event} creates the document {@code id} if there is none, then changes it. */
    protected <E> void creating(Class<E> event, Function<E, String> id, Change<E, V> change) {
        add(event, Presence.CREATED, (e, in) -> id.apply(e), id, change);
    }

    /** {@code event} changes the document {@code id}, which exists (else the event is parked). */
    protected <E> void on(Class<E> event, Function<E, String> id, Change<E, V> change) {
        add(event, Presence.REQUIRED, (e, in) -> id.apply(e), id, change);
    }

    /** As {@link #on(Class, Function, Change)}, for an event that names its document only through another one. */
    protected <E> void on(Class<E> event, BiFunction<E, Context, String> id, Change<E, V> change) {
        add(event, Presence.REQUIRED, id, null, change);
    }

    /** {@code event} changes the document {@code id} if it exists. */
    protected <E> void ifPresent(Class<E> event, Function<E, String> id, Change<E, V> change) {
        add(event, Presence.OPTIONAL, (e, in) -> id.apply(e), id, change);
    }

    private <E> void add(Class<E> event, Presence presence, BiFunction<E, Context, String> id,
                         Function<E, String> eventAlone, Change<E, V> change) {
        if (rules.putIfAbsent(event, new Rule<>(presence, id, eventAlone, change)) != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " declares " + event.getSimpleName() + " twice");
        }
    }

    public String collection() {
        return collection;
    }

    public Class<V> type() {
        return type;
    }

    /**
     * The keys under which {@link KeyIndex} lists the document, one per way a query finds it; none unless the read
     * model declares some.
     */
    public Set<String> indexKeys(V document) {
        return Set.of();
    }

    /**
     * Where the document stands among those of a key, as a string that sorts in the order the API lists them (its
     * id unless the read model says otherwise).
     */
    public String indexOrder(V document) {
        return document.id;
    }

    /**
     * The folded texts a query searches by words, by field ({@code KeyIndex} lists each under the field's text key,
     * so that a search whose letters are too common to narrow it tests the texts instead of reading every
     * document); none unless the read model declares some.
     */
    public Map<String, String> searchTexts(V document) {
        return Map.of();
    }

    /**
     * Keys under which the document's entry carries a value instead of its order ({@code KeyIndex.entry(value, id)}):
     * what a dashboard answers from the index alone, one read of the key's entries, without reading the documents
     * (a campaign's figures under the statistics keys, a proposal's waiting date under its step's key). None unless
     * the read model declares some; a null value lists nothing.
     */
    public Map<String, String> coveredValues(V document) {
        return Map.of();
    }

    /** Every key the document is listed under, with its entry there ({@link KeyIndex#entry}). */
    public final Map<String, String> indexEntries(V document) {
        Map<String, String> entries = new HashMap<>();
        String entry = KeyIndex.entry(indexOrder(document), document.id);
        for (String key : indexKeys(document)) {
            entries.put(key, entry);
        }
        searchTexts(document).forEach((field, text) -> {
            if (text != null) {
                entries.put(KeyIndex.textKey(field), KeyIndex.entry(text, document.id));
            }
        });
        coveredValues(document).forEach((key, value) -> {
            if (value != null) {
                entries.put(key, KeyIndex.entry(value, document.id));
            }
        });
        return entries;
    }

    /** The event types this read model applies. */
    public Set<Class<?>> events() {
        return rules.keySet();
    }

    /**
     * The id of the document {@code event} changes, where the event names it by itself; null for an event this read
     * model does not apply or one whose document is found through another ({@link DocumentBatch#prefetch}).
     */
    @SuppressWarnings("unchecked")
    final String documentId(Object event) {
        Rule<Object, V> rule = (Rule<Object, V>) rules.get(event.getClass());
        return rule == null || rule.eventAlone() == null ? null : rule.eventAlone().apply(event);
    }

    /** Applies {@code event} to the document it concerns, unless that document has applied it already. */
    @SuppressWarnings("unchecked")
    final void apply(Object event, Context in) {
        Rule<Object, V> rule = (Rule<Object, V>) rules.get(event.getClass());
        if (rule == null) {
            return;
        }
        String id = rule.id().apply(event, in);
        V document = switch (rule.presence()) {
            case CREATED -> in.batch().findOrCreate(collection, id, type, blank);
            case REQUIRED -> in.required(collection, id, type);
            case OPTIONAL -> in.batch().find(collection, id, type);
        };
        if (document == null || !document.accepts(in.fact())) {
            return;
        }
        if (document instanceof VersionedView versioned && stream != null && stream.isInstance(event)) {
            versioned.version = in.fact().sequence();
        }
        rule.change().apply(document, event, in);
    }
}
