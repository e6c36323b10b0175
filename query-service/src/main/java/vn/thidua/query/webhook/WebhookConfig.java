package vn.thidua.query.webhook;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.query.feed.CloudEvents;
import vn.thidua.query.feed.EventFeed;
import vn.thidua.query.feed.HeadWatcher;

import java.time.Clock;

/** Webhook subscriptions, their store beside the tokens, the sink policy and the dispatcher. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfig {

    @Bean
    public Clock webhookClock() {
        return Clock.systemUTC();
    }

    @Bean
    public SubscriptionStore subscriptionStore(MongoDatabase database) {
        return new SubscriptionStore(database);
    }

    @Bean
    public SinkPolicy sinkPolicy(WebhookProperties properties) {
        return new SinkPolicy(properties.allowedHosts());
    }

    @Bean
    public WebhookDispatcher webhookDispatcher(SubscriptionStore store, TokenStore tokenStore, EventFeed feed,
                                               HeadWatcher head, CloudEvents cloudEvents, SinkPolicy sinks,
                                               WebhookProperties properties, Clock webhookClock) {
        return new WebhookDispatcher(store, tokenStore, feed, head, cloudEvents, sinks, properties, webhookClock);
    }
}
