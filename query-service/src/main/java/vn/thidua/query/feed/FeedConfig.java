package vn.thidua.query.feed;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.DurableReads;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;

/**
 * The integration feed's parts: the event log (the embedded store's table when there is one, else the event store's
 * streams, Axon Server's in the {@code axonserver} profile), the gap rule, the feed, the CloudEvents form and the
 * shared look at the head that live streams wait on.
 */
@Configuration(proxyBeanMethods = false)
public class FeedConfig {

    @Bean
    public EventLog eventLog(EventStore eventStore, ObjectProvider<EventStorageEngine> embeddedEngine,
                             ObjectProvider<DataSource> dataSource,
                             @Qualifier("eventSerializer") Serializer eventSerializer,
                             org.axonframework.config.Configuration axon) {
        if (embeddedEngine.getIfAvailable() instanceof DurableReads durable && dataSource.getIfAvailable() != null) {
            return new EventLog.Table(dataSource.getObject(), durable::ensure, eventStore, eventSerializer,
                    axon.upcasterChain());
        }
        return new EventLog.Streamed(eventStore, eventSerializer, 200);
    }

    @Bean
    public EventFeed eventFeed(EventLog log, FeedProperties properties) {
        return new EventFeed(log, new Gaps(properties.gapTimeout(), Clock.systemUTC()), properties.scanLimit());
    }

    @Bean
    public CloudEvents cloudEvents(FeedProperties properties) {
        return new CloudEvents(properties.source(), properties.publicUrl());
    }

    @Bean
    public HeadWatcher headWatcher(EventLog log) {
        return new HeadWatcher(log, Duration.ofMillis(50));
    }

    /** {@code thidua.feed.socket-send-buffer}: the kernel's send buffer per connection, when set. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> feedSocketSendBuffer(FeedProperties properties) {
        return factory -> {
            if (properties.socketSendBuffer() != null) {
                factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize",
                        properties.socketSendBuffer().toString()));
            }
        };
    }
}
