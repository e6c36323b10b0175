package vn.thidua.query.ledger;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.DocumentMapper;
import vn.thidua.query.health.EventProcessingHealth;
import vn.thidua.query.export.LedgerStamp;
import vn.thidua.query.feed.EventLog;
import vn.thidua.query.feed.FeedProperties;
import vn.thidua.query.feed.Gaps;
import vn.thidua.query.feed.HeadWatcher;

import java.time.Clock;

/** The audit ledger: its key, its tree in MongoDB and the builder that grows it. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {

    @Bean
    public LedgerKeys ledgerKeys(LedgerProperties properties) {
        return LedgerKeys.load(properties.privateKey(), properties.publicKey(), properties.generateKeys());
    }

    @Bean
    public TreeStore treeStore(MongoDatabase database) {
        return new TreeStore(database);
    }

    @Bean
    public AuditReached auditReached(EventProcessingHealth processors) {
        return new AuditReached(processors);
    }

    @Bean
    public LedgerStamp ledgerStamp(TreeStore tree, EventLog events, AuditReached auditReached) {
        return new LedgerStamp(tree, events, auditReached);
    }

    @Bean
    public LedgerVerifier ledgerVerifier(EventLog events, TreeStore tree, MongoDatabase database,
                                         DocumentMapper mapper, AuditReached auditReached, LedgerKeys keys) {
        return new LedgerVerifier(events, tree, database, mapper, auditReached, keys.publicKey());
    }

    @Bean
    public LedgerBuilder ledgerBuilder(TreeStore tree, EventLog events, FeedProperties feed, HeadWatcher head,
                                       TokenStore tokens, LedgerKeys keys, LedgerProperties properties) {
        return new LedgerBuilder(tree, events, new Gaps(feed.gapTimeout(), Clock.systemUTC()), head, tokens, keys,
                properties, Clock.systemUTC());
    }
}
