package vn.thidua.projections;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.Optional;

/**
 * The read models as they stood at a point of history, computed, never read: a campaign's events and its proposals'
 * events (the one sequence every document of that campaign depends on, {@link CampaignSequencing}) are handed, in the
 * order of the store, to the same read models in the same order ({@link ReadModelProjection#READ_MODELS}) on an
 * {@linkplain DocumentBatch#inMemory in-memory batch}. After the event at position P, each document is the one the
 * live read model held once it had applied P: same code, same events, same order. Nothing stored is read or written.
 */
public final class AsOf {

    private final DocumentBatch batch;
    private final DocumentMapper mapper;
    private Fact last;

    public AsOf(DocumentMapper mapper) {
        this.mapper = mapper;
        this.batch = DocumentBatch.inMemory(mapper, ReadModelProjection.READ_MODELS);
    }

    /** Applies the next event of the sequence (positions only grow); where it sits. */
    public Fact apply(EventMessage<?> message) {
        Fact fact = ReadModelProjection.applyTo(batch, message.getPayload(), message);
        if (last != null && fact.position() <= last.position()) {
            throw new IllegalArgumentException("events out of order: " + fact.position() + " after "
                    + last.position());
        }
        last = fact;
        return fact;
    }

    /** The last event applied, or null before the first. */
    public Fact last() {
        return last;
    }

    /**
     * The document as the live read model stored it at this point, or empty if it did not exist yet: its fields in
     * the order MongoDB stores them ({@code _id} first, as every MongoDB server moves it on insert).
     */
    public Optional<Document> stored(String collection, String id) {
        return view(collection, id).map(view -> {
            Document written = mapper.toDocument(view);
            Document stored = new Document(View.ID, written.get(View.ID));
            written.forEach((field, value) -> {
                if (!View.ID.equals(field)) {
                    stored.append(field, value);
                }
            });
            return stored;
        });
    }

    public <T extends View> Optional<T> view(String collection, String id) {
        return Optional.ofNullable(batch.held(collection, id));
    }
}
