package vn.thidua.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import vn.thidua.service.axon.AxonJackson;
import vn.thidua.service.docs.ApiDocs;
import vn.thidua.service.axon.QuietAxon;
import vn.thidua.service.security.SecurityConfig;
import vn.thidua.service.web.WebHardening;

/** The read side: events → projections → MongoDB read models → HTTP queries. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({AxonJackson.class, SecurityConfig.class, WebHardening.class, ApiDocs.class})
public class QueryServiceApplication {

    /** The application with its own configuration file, {@code query-service.yml} (and its profiles). */
    public static SpringApplicationBuilder builder() {
        QuietAxon.apply();
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
