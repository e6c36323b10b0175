package vn.thidua.command.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * How the aggregates are kept between commands, with Axon's own means: a cache per repository (the aggregate as the
 * last command left it, so a command does not replay its stream) and snapshots (so a load that misses the cache reads
 * one snapshot and the events after it, not the whole stream).
 * <p>
 * Correct across nodes: a cached aggregate another node has moved on is stale, but its next event takes a sequence
 * number the event store already holds, so the append fails, the unit of work rolls back (which evicts the entry) and
 * the gateway retries the command on fresh state, as it retries any conflict ({@code ConflictRetryScheduler}).
 * A snapshot of another revision than the aggregate's {@code @Revision} is ignored, and the aggregate is rebuilt from
 * its events.
 */
public final class AggregateCaching implements AutoCloseable {

    /** A snapshot after this many events of one aggregate since its last snapshot. */
    public static final int SNAPSHOT_EVERY = 200;

    private final CacheManager caches = CacheManagerBuilder.newCacheManagerBuilder().build(true);

    /** An in-heap cache of at most {@code entries} aggregates of one type, least recently used evicted first. */
    public Cache cache(String name, long entries) {
        var cache = caches.createCache(name, CacheConfigurationBuilder.newCacheConfigurationBuilder(
                Object.class, Object.class, ResourcePoolsBuilder.heap(entries)).build());
        return new EhCache3Adapter((Ehcache<Object, Object>) cache); // the manager's caches are Ehcache instances
    }

    public static SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * Only snapshots of the aggregate's current revision (its {@code @Revision}) are used. Snapshots are stored under
     * the aggregate's type name, which Axon takes from the class's simple name.
     */
    public static SnapshotFilter currentRevision(Class<?> aggregateType) {
        return RevisionSnapshotFilter.builder().type(aggregateType.getSimpleName())
                .revision(aggregateType.getAnnotation(Revision.class).value()).build();
    }

    @Override
    public void close() {
        caches.close();
    }
}
