package vn.thidua.command.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.thidua.demo.DemoScenario;

/**
 * {@code thidua.demo.enabled=true} (the standalone's {@code --demo}): loads the demo scenario once. If its first
 * campaign exists already, nothing is sent again. Deadlines (JobRunr) are paused while the scenario runs at its past
 * dates, so report deadlines that passed fire afterwards, at the real time, for the units that never reported.
 */
@Component
@ConditionalOnProperty(name = "thidua.demo.enabled", havingValue = "true")
public class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final ObjectProvider<BackgroundJobServer> deadlines;

    public DemoLoader(CommandGateway gateway, EventStore eventStore, ObjectProvider<BackgroundJobServer> deadlines) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.deadlines = deadlines;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoScenario demo = DemoScenario.load();
        if (eventStore.lastSequenceNumberFor(demo.firstCampaignId()).isPresent()) {
            log.info("Dữ liệu mẫu đã có (demo data already loaded): nothing sent");
            return;
        }
        BackgroundJobServer server = deadlines.getIfAvailable();
        if (server != null) {
            server.pauseProcessing();
        }
        try {
            int sent = demo.run(gateway);
            log.info("Đã nạp dữ liệu mẫu (demo loaded): {} commands across the four seed plans", sent);
        } finally {
            if (server != null) {
                server.resumeProcessing();
            }
        }
    }
}
