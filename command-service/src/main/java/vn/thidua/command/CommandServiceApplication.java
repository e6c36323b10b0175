package vn.thidua.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import vn.thidua.service.axon.AxonJackson;
import vn.thidua.service.docs.ApiDocs;
import vn.thidua.service.axon.QuietAxon;
import vn.thidua.service.security.SecurityConfig;
import vn.thidua.service.web.WebHardening;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: HTTP API → commands → aggregates → events. */
@SpringBootApplication
@Import({AxonJackson.class, SecurityConfig.class, WebHardening.class, ApiDocs.class})
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    /**
     * The application with its own configuration file, {@code command-service.yml} (and
     * {@code command-service-<profile>.yml}): named after the service so that it can share a JVM and a classpath
     * with query-service (the standalone application).
     */
    public static SpringApplicationBuilder builder() {
        QuietAxon.apply();
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
