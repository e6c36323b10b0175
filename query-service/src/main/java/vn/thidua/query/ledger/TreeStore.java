package vn.thidua.query.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import vn.thidua.ledger.CompactRange;
import vn.thidua.ledger.MerkleHashes;
import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SubtreeHashes;
import vn.thidua.ledger.TreeHead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit ledger's Merkle tree in MongoDB, beside the read models: its state (size, the position of its last
 * leaf, the compact range's edge), its tiles and its signed tree heads.
 * <p>
 * <b>Tiles</b> (the layout of Go's transparency logs, tlog): the hashes of the perfect subtrees at every eighth level
 * (leaves, subtrees of 256, of 65,536, …), 256 to a tile; a leaf tile also lists the leaves' event positions. A
 * node between those levels is computed from at most 128 hashes of one tile. A million leaves take 3,922 tiles.
 * <p>
 * A tile is never changed: a full one is {@code tile/<level>/<index>}, a partial one {@code tile/<level>/<index>/<count>}
 * (how many hashes it holds follows from the tree's size), written anew as the tree grows, the one it supersedes
 * removed once the state names the larger tree. So every read and write is by {@code _id} alone, the one query
 * mongo-java-server answers through an index (a filter on {@code _id} and another field scans the collection: at a
 * million events the tree's conditional writes took a third of the platform's CPU), a reader holding an older size
 * finds the same hashes in a later tile, and a builder that lost its claim cannot change a hash anyone reads. The
 * tree and its state are derived from the events (rebuilt from the first event if lost); the signed heads are kept as
 * issued ({@value #HEADS}), the size of the largest in {@value #LATEST_HEAD_ID}.
 */
public final class TreeStore {

    public static final String TREE = "audit_tree";
    public static final String HEADS = "audit_tree_heads";
    /** Levels per tile: a tile holds 2^8 hashes of one level. */
    public static final int TILE_HEIGHT = 8;
    public static final int TILE_WIDTH = 1 << TILE_HEIGHT;
    private static final String STATE_ID = "state";
    public static final String LATEST_HEAD_ID = "latest-head";
    private static final int CACHED_TILES = 256;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /** The tree's state: its size, the position of its last leaf (-1 when empty) and its edge. */
    public record State(long size, long lastPosition, List<byte[]> edge) {

        static final State EMPTY = new State(0, -1, List.of());

        public CompactRange range() {
            return new CompactRange(size, edge);
        }

        public byte[] root() {
            return range().root();
        }
    }

    /** One tile as stored: {@code count} hashes (and, for leaves, their positions). */
    public record Tile(int level, long index, int count, byte[] hashes, long[] positions) {

        public byte[] hash(int offset) {
            if (offset >= count) {
                throw new IllegalStateException("tile " + level + "/" + index + " holds " + count + " hashes, not "
                        + (offset + 1));
            }
            byte[] hash = new byte[MerkleHashes.SIZE];
            System.arraycopy(hashes, offset * MerkleHashes.SIZE, hash, 0, MerkleHashes.SIZE);
            return hash;
        }

        boolean full() {
            return count == TILE_WIDTH;
        }
    }

    private final MongoCollection<Document> tree;
    private final MongoCollection<Document> heads;
    private final Map<String, Tile> fullTiles = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Tile> eldest) {
                    return size() > CACHED_TILES;
                }
            });

    public TreeStore(MongoDatabase database) {
        this.tree = database.getCollection(TREE);
        this.heads = database.getCollection(HEADS);
    }

    public State state() {
        Document state = tree.find(Filters.eq("_id", STATE_ID)).first();
        if (state == null) {
            return State.EMPTY;
        }
        List<byte[]> edge = new ArrayList<>();
        for (Object hash : state.getList("edge", Object.class)) {
            edge.add(((Binary) hash).getData());
        }
        return new State(state.get("size", Number.class).longValue(),
                state.get("lastPosition", Number.class).longValue(), edge);
    }

    /** Records a grown state, unless one as large is recorded already (then false). */
    public boolean grow(State state) {
        if (state().size() >= state.size()) {
            return false;
        }
        Document document = new Document("_id", STATE_ID).append("size", state.size())
                .append("lastPosition", state.lastPosition())
                .append("edge", state.edge().stream().map(Binary::new).toList());
        tree.replaceOne(Filters.eq("_id", STATE_ID), document, UPSERT);
        return true;
    }

    /** How many hashes tile {@code index} of tile level {@code level} holds in a tree of {@code size} leaves. */
    public static int count(int level, long index, long size) {
        long nodes = size >> (TILE_HEIGHT * level);
        return (int) Math.max(0, Math.min(TILE_WIDTH, nodes - (index << TILE_HEIGHT)));
    }

    static String tileId(int level, long index, int count) {
        return count == TILE_WIDTH ? "tile/" + level + "/" + index : "tile/" + level + "/" + index + "/" + count;
    }

    /**
     * The tile as a tree of {@code size} leaves holds it, or empty when it holds none of it. A partial tile that a
     * larger tree superseded meanwhile is read from the tree as it is now (its first hashes are the same).
     */
    public Optional<Tile> tile(int level, long index, long size) {
        int count = count(level, index, size);
        if (count == 0) {
            return Optional.empty();
        }
        Optional<Tile> tile = read(level, index, count);
        if (tile.isEmpty() && count < TILE_WIDTH) {
            int now = count(level, index, state().size());
            tile = now > count ? read(level, index, now) : tile;
        }
        return tile;
    }

    private Optional<Tile> read(int level, long index, int count) {
        String id = tileId(level, index, count);
        Tile cached = fullTiles.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document stored = tree.find(Filters.eq("_id", id)).first();
        if (stored == null) {
            return Optional.empty();
        }
        List<Number> positions = stored.getList("positions", Number.class);
        Tile tile = new Tile(level, index, stored.getInteger("count"), stored.get("hashes", Binary.class).getData(),
                positions == null ? null : positions.stream().mapToLong(Number::longValue).toArray());
        if (tile.full()) {
            fullTiles.put(id, tile);
        }
        return Optional.of(tile);
    }

    /** Writes a tile under the id of its count (the same bytes, whoever writes it). */
    public void write(Tile tile) {
        Document document = new Document("_id", tileId(tile.level(), tile.index(), tile.count()))
                .append("level", tile.level()).append("index", tile.index()).append("count", tile.count())
                .append("hashes", new Binary(Arrays.copyOf(tile.hashes(), tile.count() * MerkleHashes.SIZE)));
        if (tile.positions() != null) {
            List<Long> positions = new ArrayList<>(tile.count());
            for (int i = 0; i < tile.count(); i++) {
                positions.add(tile.positions()[i]);
            }
            document.append("positions", positions);
        }
        tree.replaceOne(Filters.eq("_id", document.getString("_id")), document, UPSERT);
    }

    /** Removes a partial tile a larger tree superseded (once the state names that tree). */
    public void removeSuperseded(int level, long index, int count) {
        if (count > 0 && count < TILE_WIDTH) {
            tree.deleteOne(Filters.eq("_id", tileId(level, index, count)));
        }
    }

    /**
     * The tree of {@code size} leaves (at most the state's), read for one question: its perfect subtrees (what proofs
     * read) and its leaves, each tile read at most once (a proof asks the right edge's partial tile for many hashes,
     * an audit page many leaves of one tile, and a partial tile is not in the cache of full ones).
     */
    public View at(long size) {
        return new View(size);
    }

    /** A leaf: its index, its event's position and its hash. */
    public record Leaf(long index, long position, byte[] hash) {
    }

    /** The leaf at {@code index} of a tree of {@code size}, if the tree holds it. */
    public Optional<Leaf> leaf(long index, long size) {
        return at(size).leaf(index);
    }

    /** The leaf of the event at {@code position} among the first {@code size} leaves ({@link View#leafAt}). */
    public Optional<Leaf> leafAt(long position, long firstPosition, long size) {
        return at(size).leafAt(position, firstPosition);
    }

    /** See {@link #at(long)}. */
    public final class View implements SubtreeHashes {

        private final long size;
        private final Map<String, Optional<Tile>> read = new HashMap<>();

        private View(long size) {
            this.size = size;
        }

        private Optional<Tile> tile(int level, long index) {
            return read.computeIfAbsent(level + "/" + index, key -> TreeStore.this.tile(level, index, size));
        }

        /**
         * The hash of the perfect subtree of 2^level leaves at {@code index}: stored at every
         * {@value #TILE_HEIGHT}th level, computed from its tile below that.
         */
        @Override
        public byte[] hash(int level, long index) {
            int stored = level - level % TILE_HEIGHT;
            int above = level - stored;
            long first = index << above;
            Tile tile = tile(stored / TILE_HEIGHT, first >> TILE_HEIGHT).orElseThrow(() ->
                    new IllegalStateException("the tree of " + size + " holds no subtree " + level + "/" + index));
            int offset = (int) (first & (TILE_WIDTH - 1));
            List<byte[]> nodes = new ArrayList<>(1 << above);
            for (int i = 0; i < 1 << above; i++) {
                nodes.add(tile.hash(offset + i));
            }
            while (nodes.size() > 1) {
                List<byte[]> up = new ArrayList<>(nodes.size() / 2);
                for (int i = 0; i < nodes.size(); i += 2) {
                    up.add(MerkleHashes.node(nodes.get(i), nodes.get(i + 1)));
                }
                nodes = up;
            }
            return nodes.get(0);
        }

        /** The leaf at {@code index}, if the tree holds it. */
        public Optional<Leaf> leaf(long index) {
            if (index < 0 || index >= size) {
                return Optional.empty();
            }
            int offset = (int) (index & (TILE_WIDTH - 1));
            return tile(0, index >> TILE_HEIGHT).filter(t -> t.count() > offset)
                    .map(t -> new Leaf(index, t.positions()[offset], t.hash(offset)));
        }

        /**
         * The leaf of the event at {@code position}: a binary search over the leaf tiles by their positions, which
         * starts where the position would be without gaps in the positions (the embedded store has few), so it
         * reads one or two tiles as a rule.
         */
        public Optional<Leaf> leafAt(long position, long firstPosition) {
            if (size == 0 || position < firstPosition) {
                return Optional.empty();
            }
            long lo = 0;
            long hi = (size - 1) >> TILE_HEIGHT;
            long probe = Math.min(hi, (position - firstPosition) >> TILE_HEIGHT);
            while (lo <= hi) {
                Tile tile = tile(0, probe).orElseThrow(() -> new IllegalStateException("a leaf tile is missing"));
                long[] positions = tile.positions();
                int count = (int) Math.min(tile.count(), size - (probe << TILE_HEIGHT));
                if (position < positions[0]) {
                    hi = probe - 1;
                } else if (position > positions[count - 1]) {
                    lo = probe + 1;
                } else {
                    int at = Arrays.binarySearch(positions, 0, count, position);
                    long leafIndex = (probe << TILE_HEIGHT) + at;
                    return at < 0 ? Optional.empty() : Optional.of(new Leaf(leafIndex, position, tile.hash(at)));
                }
                probe = (lo + hi) >>> 1;
            }
            return Optional.empty();
        }
    }

    /** Keeps a signed head (a head of the same size kept already stays as it is). */
    public void keep(SignedTreeHead head) {
        Document document = new Document("_id", head.head().treeSize())
                .append("rootHash", MerkleHashes.hex(head.head().rootHash()))
                .append("timestamp", head.head().timestamp().toEpochMilli())
                .append("keyId", head.keyId())
                .append("signature", Base64.getEncoder().encodeToString(head.signature()));
        try {
            heads.insertOne(document);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        tree.updateOne(Filters.eq("_id", LATEST_HEAD_ID), Updates.max("size", head.head().treeSize()),
                new UpdateOptions().upsert(true));
    }

    public Optional<SignedTreeHead> head(long treeSize) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", treeSize)).first()).map(TreeStore::head);
    }

    /** Up to {@code limit} signed heads of trees larger than {@code after}, smallest first. */
    public List<SignedTreeHead> headsAfter(long after, int limit) {
        List<SignedTreeHead> found = new ArrayList<>();
        for (Document d : heads.find(Filters.gt("_id", after)).sort(Sorts.ascending("_id")).limit(limit)) {
            found.add(head(d));
        }
        return found;
    }

    /** The largest signed head. */
    public Optional<SignedTreeHead> latestHead() {
        Document latest = tree.find(Filters.eq("_id", LATEST_HEAD_ID)).first();
        return latest == null ? Optional.empty() : head(latest.get("size", Number.class).longValue());
    }

    private static SignedTreeHead head(Document d) {
        return new SignedTreeHead(new TreeHead(d.get("_id", Number.class).longValue(),
                MerkleHashes.fromHex(d.getString("rootHash")),
                Instant.ofEpochMilli(d.get("timestamp", Number.class).longValue())),
                d.getString("keyId"), Base64.getDecoder().decode(d.getString("signature")));
    }

}
