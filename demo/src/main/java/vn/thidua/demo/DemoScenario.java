package vn.thidua.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import vn.thidua.domain.common.Role;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.command.AmendCampaign;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.command.SubmitReport;
import vn.thidua.domain.common.ActorMetadata;
import vn.thidua.domain.common.DomainClock;
import vn.thidua.domain.common.EventJson;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.RejectProposal;
import vn.thidua.domain.proposal.command.ReturnForSupplement;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.SupplementProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo: the four seed plans launched as campaigns on their issue dates, then {@code demo/scenario.json} (units
 * registering and pledging works, inspections, reports on time and late, proposals returned, supplemented,
 * appraised, voted on, granted, rejected, withdrawn and one revoked), each step sent as a command at its own date.
 * <p>
 * Steps run with Axon's event clock set to 09:00 (Vietnam) of their date, so events carry the dates they would
 * have had; the clock is global, so nothing else should send commands while {@link #run} runs.
 */
public final class DemoScenario {

    /** The commands a step may name: the user-facing ones, not the cross-aggregate internals. */
    private static final Map<String, Class<?>> COMMANDS = Stream.of(LaunchCampaign.class, AmendCampaign.class,
                    AllocateQuota.class, RegisterParticipant.class, PledgeWork.class, RecordInspection.class,
                    SubmitReport.class, ConcludeCampaign.class, CloseCampaign.class, SubmitProposal.class,
                    ReturnForSupplement.class, SupplementProposal.class, AppraiseProposal.class,
                    RecordCouncilVote.class, GrantAward.class, RejectProposal.class, WithdrawProposal.class,
                    RevokeAward.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    /** One command and the date it is sent on, with who sends it. */
    public record Step(LocalDate on, Object command, MetaData actor) {
    }

    private final List<Step> steps;

    private DemoScenario(List<Step> steps) {
        this.steps = steps;
    }

    public static DemoScenario load() {
        ObjectMapper json = EventJson.newMapper();
        try (InputStream in = DemoScenario.class.getResourceAsStream("/demo/scenario.json")) {
            JsonNode root = json.readTree(in);
            List<Step> steps = new ArrayList<>();
            for (JsonNode c : root.get("campaigns")) {
                var plan = SeedPlans.load(c.get("plan").asText());
                steps.add(new Step(plan.issueDate(), new LaunchCampaign(c.get("campaignId").asText(), plan),
                        actor(Role.ORGANIZER, null)));
            }
            for (JsonNode s : root.get("steps")) {
                Class<?> type = COMMANDS.get(s.get("command").asText());
                if (type == null) {
                    throw new IllegalArgumentException("demo/scenario.json: unknown command " + s.get("command"));
                }
                Object command = json.treeToValue(s.get("with"), type);
                steps.add(new Step(LocalDate.parse(s.get("on").asText()), command, actorOf(command, s.get("with"))));
            }
            return new DemoScenario(List.copyOf(steps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** The campaign the demo launches first: if it exists, the demo has been loaded. */
    public String firstCampaignId() {
        return ((LaunchCampaign) steps.get(0).command()).campaignId();
    }

    /**
     * Sends every step in order, each recorded as of 9:00 (Vietnam) on its date ({@link ActorMetadata#AS_OF}); a
     * refused step stops the run (the scenario is meant to hold).
     */
    public int run(CommandGateway gateway) {
        for (Step step : steps) {
            String asOf = step.on().atTime(LocalTime.of(9, 0)).atZone(DomainClock.VIETNAM).toInstant().toString();
            gateway.sendAndWait(step.command(), step.actor().and(ActorMetadata.AS_OF, asOf));
        }
        return steps.size();
    }

    /** Who sends each kind of step: the unit for its own acts, the organization's roles for the rest. */
    private static MetaData actorOf(Object command, JsonNode with) {
        if (command instanceof RegisterParticipant || command instanceof PledgeWork
                || command instanceof SubmitReport) {
            return actor(Role.UNIT, with.get("unitId").asText());
        }
        if (command instanceof SubmitProposal p) {
            return actor(Role.UNIT, p.proposingUnitId());
        }
        if (command instanceof SupplementProposal || command instanceof WithdrawProposal) {
            return actor(Role.UNIT, with.get("actingUnitId").asText());
        }
        if (command instanceof RecordInspection) {
            return actor(Role.INSPECTOR, null);
        }
        if (command instanceof RecordCouncilVote) {
            return actor(Role.COUNCIL, null);
        }
        if (command instanceof GrantAward || command instanceof RevokeAward) {
            return actor(Role.APPROVER, null);
        }
        return actor(Role.ORGANIZER, null);
    }

    private static MetaData actor(Role role, String unitId) {
        String id = unitId == null ? "demo-" + role.name().toLowerCase(Locale.ROOT) : "demo-unit-" + unitId;
        return ActorMetadata.of(id, role, unitId, UUID.nameUUIDFromBytes((id + role).getBytes()).toString(), null);
    }
}
