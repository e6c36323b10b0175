package vn.thidua.command.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.service.security.Allowed;
import vn.thidua.service.security.Actor;
import vn.thidua.domain.campaign.command.AllocateQuota;
import vn.thidua.domain.campaign.command.AmendCampaign;
import vn.thidua.domain.campaign.command.CloseCampaign;
import vn.thidua.domain.campaign.command.ConcludeCampaign;
import vn.thidua.domain.campaign.command.LaunchCampaign;
import vn.thidua.domain.campaign.command.PledgeWork;
import vn.thidua.domain.campaign.value.PledgedWork;
import vn.thidua.domain.campaign.command.RecordInspection;
import vn.thidua.domain.campaign.command.RegisterParticipant;
import vn.thidua.domain.campaign.command.SubmitReport;

import java.net.URI;
import java.util.UUID;

import static vn.thidua.domain.common.Role.INSPECTOR;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/** Commands on campaigns. Each endpoint admits only the roles that do that act. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

    private final CommandSender commands;

    public CampaignController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Allowed(ORGANIZER)
    public ResponseEntity<Accepted> launch(@RequestBody CampaignRequests.Launch body) {
        String id = Ids.chosenOrNew(body.id());
        long version = commands.send(new LaunchCampaign(id, body.plan()), id);
        return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(new Accepted(id, version));
    }

    @PostMapping("/{id}/amendments")
    @Allowed(ORGANIZER)
    public Accepted amend(@PathVariable String id, @RequestBody CampaignRequests.Amend body) {
        return accepted(new AmendCampaign(id, body.reason(), body.plan()), id);
    }

    @PostMapping("/{id}/quota-allocations")
    @Allowed(ORGANIZER)
    public Accepted allocateQuota(@PathVariable String id, @RequestBody CampaignRequests.AllocateQuota body) {
        return accepted(new AllocateQuota(id, body.schemeId(), body.collectives(), body.individuals(),
                body.reference()), id);
    }

    @PostMapping("/{id}/participants")
    @Allowed({ORGANIZER, UNIT})
    public Accepted register(@PathVariable String id, @RequestBody CampaignRequests.Register body) {
        Ids.requireOwnUnit(Actor.current(), body.unitId());
        return accepted(new RegisterParticipant(id, body.unitId(), body.unitName(), body.pledgedWorks()), id);
    }

    @PostMapping("/{id}/participants/{unitId}/works")
    @Allowed({ORGANIZER, UNIT})
    public Accepted pledge(@PathVariable String id, @PathVariable String unitId, @RequestBody PledgedWork body) {
        Ids.requireOwnUnit(Actor.current(), unitId);
        return accepted(new PledgeWork(id, unitId, body), id);
    }

    @PostMapping("/{id}/inspections")
    @Allowed(INSPECTOR)
    public Accepted inspect(@PathVariable String id, @RequestBody CampaignRequests.Inspect body) {
        String inspectionId = body.inspectionId() == null ? UUID.randomUUID().toString() : body.inspectionId();
        return accepted(new RecordInspection(id, body.unitId(), inspectionId, body.inspectedOn(), body.inspectedBy(),
                body.findings(), body.rating()), id);
    }

    @PostMapping("/{id}/reports")
    @Allowed({UNIT, ORGANIZER})
    public Accepted report(@PathVariable String id, @RequestBody CampaignRequests.Report body) {
        Ids.requireOwnUnit(Actor.current(), body.unitId());
        String reportId = body.reportId() == null ? UUID.randomUUID().toString() : body.reportId();
        return accepted(new SubmitReport(id, body.unitId(), reportId, body.kind(), body.milestoneId(),
                body.summary()), id);
    }

    @PostMapping("/{id}/conclusion")
    @Allowed(ORGANIZER)
    public Accepted conclude(@PathVariable String id, @RequestBody(required = false) CampaignRequests.Conclude body) {
        return accepted(new ConcludeCampaign(id, body == null ? null : body.summary()), id);
    }

    @PostMapping("/{id}/closure")
    @Allowed(ORGANIZER)
    public Accepted close(@PathVariable String id, @RequestBody(required = false) CampaignRequests.Close body) {
        return accepted(new CloseCampaign(id, body == null ? null : body.note()), id);
    }

    private Accepted accepted(Object command, String id) {
        return new Accepted(id, commands.send(command, id));
    }
}
