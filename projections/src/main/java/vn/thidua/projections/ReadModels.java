package vn.thidua.projections;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** Names shared by the projections and the query side. */
public final class ReadModels {

    /** Processing group (and event processor) that builds campaigns, participants, proposals and awards. */
    public static final String READ_MODELS_GROUP = "read-models";
    /** Processing group (and event processor) that builds the audit trail. */
    public static final String AUDIT_GROUP = "audit";

    public static final String CAMPAIGNS = "campaigns";
    public static final String PARTICIPANTS = "participants";
    public static final String PROPOSALS = "proposals";
    public static final String AWARDS = "awards";
    public static final String AUDIT = "audit";
    /** For each aggregate, actor and event type, the positions of its audit entries (see {@code AuditIndex}). */
    public static final String AUDIT_INDEX = "audit_index";
    /** For each key a read model declares, the documents that have it (see {@code KeyIndex}). */
    public static final String KEY_INDEX = "read_model_index";
    /**
     * Per sequence (a campaign with its proposals, see {@code CampaignSequencing}), the highest global position whose
     * documents are all written ({@link #progressMark}).
     */
    public static final String PROGRESS = "read_model_progress";
    /** Events a projection could not apply, parked with their campaign's sequence (Axon's dead-letter queue). */
    public static final String DEAD_LETTERS = "dead_letters";
    /** Axon's tracking tokens, in the same database as the read models they describe. */
    public static final String TOKENS = "tracking_tokens";

    private ReadModels() {
    }

    /** The id of a processor's mark for one sequence in {@value #PROGRESS}. */
    public static String progressMark(String processor, String sequence) {
        return processor + ":" + sequence;
    }

    public static String participantId(String campaignId, String unitId) {
        return campaignId + "/" + unitId;
    }

    /** Ids asked of the store in one {@code $in}. */
    static final int IDS_PER_QUERY = 100;

    /**
     * The documents with these {@code _id}s, in the store's order, asked {@value #IDS_PER_QUERY} ids at a time:
     * mongo-java-server tests each document it finds against every id of the {@code $in} list, so one query of
     * 1,000 ids cost a million comparisons, 40% of the store's work in a verification (JFR, 30k events).
     */
    public static List<Document> findByIds(MongoCollection<Document> collection, List<?> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))))
                    .into(found);
        }
        return found;
    }
}
