package vn.thidua.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.thidua.service.axon.AxonJackson;
import vn.thidua.service.security.SecurityConfig;
import vn.thidua.service.web.CorrelationIdFilter;
import vn.thidua.service.web.NfcStrings;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: HTTP API → commands → aggregates → events. */
@SpringBootApplication
@Import({AxonJackson.class, SecurityConfig.class, CorrelationIdFilter.class, NfcStrings.class})
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    /** No phoning home (Axon's update checker) and no console advertisement. */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    public static void main(String[] args) {
        quietAxon();
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
