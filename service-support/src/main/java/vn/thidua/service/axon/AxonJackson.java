package vn.thidua.service.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.upcasting.EventUpcasters;

/**
 * Jackson, on Axon's own mapper ({@link EventJson}), for everything Axon stores or sends: events, messages, tokens;
 * and the upcasters that read older revisions of events.
 * Web-layer JSON settings never change the stored format. Both services read and write the same JSON.
 */
@Configuration(proxyBeanMethods = false)
public class AxonJackson {

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /** The upcasters in force ({@link EventUpcasters#ALL}), for the event store and the dead-letter queues alike. */
    @Bean
    public ConfigurerModule eventUpcasters() {
        return configurer -> EventUpcasters.ALL.forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }
}
