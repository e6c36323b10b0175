package vn.thidua.command.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.service.security.Allowed;
import vn.thidua.service.security.Actor;
import vn.thidua.domain.proposal.command.AppraiseProposal;
import vn.thidua.domain.proposal.command.GrantAward;
import vn.thidua.domain.proposal.command.RecordCouncilVote;
import vn.thidua.domain.proposal.command.RejectProposal;
import vn.thidua.domain.proposal.command.ReturnForSupplement;
import vn.thidua.domain.proposal.command.RevokeAward;
import vn.thidua.domain.proposal.command.SubmitProposal;
import vn.thidua.domain.proposal.command.SupplementProposal;
import vn.thidua.domain.proposal.command.WithdrawProposal;

import java.net.URI;

import static vn.thidua.domain.common.Role.APPROVER;
import static vn.thidua.domain.common.Role.COUNCIL;
import static vn.thidua.domain.common.Role.ORGANIZER;
import static vn.thidua.domain.common.Role.UNIT;

/** Commands on award proposals. Each endpoint admits only the roles that do that act. */
@RestController
@RequestMapping("/api/proposals")
public class ProposalController {

    private final CommandSender commands;

    public ProposalController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Allowed({UNIT, ORGANIZER})
    public ResponseEntity<Accepted> submit(@RequestBody ProposalRequests.Submit body) {
        Ids.requireOwnUnit(Actor.current(), body.proposingUnitId());
        String id = Ids.chosenOrNew(body.id());
        long version = commands.send(new SubmitProposal(id, body.campaignId(), body.proposingUnitId(), body.nominee(),
                body.schemeId(), body.achievementSummary(), body.achievementYear(), body.documents()), id);
        return ResponseEntity.created(URI.create("/api/proposals/" + id)).body(new Accepted(id, version));
    }

    @PostMapping("/{id}/returns")
    @Allowed(ORGANIZER)
    public Accepted returnForSupplement(@PathVariable String id, @RequestBody ProposalRequests.Reason body) {
        return accepted(new ReturnForSupplement(id, body.reason()), id);
    }

    @PostMapping("/{id}/supplements")
    @Allowed({UNIT, ORGANIZER})
    public Accepted supplement(@PathVariable String id, @RequestBody ProposalRequests.Supplement body) {
        return accepted(new SupplementProposal(id, Ids.actingUnit(Actor.current()), body.documents(), body.note()), id);
    }

    @PostMapping("/{id}/appraisals")
    @Allowed(ORGANIZER)
    public Accepted appraise(@PathVariable String id, @RequestBody ProposalRequests.Appraise body) {
        return accepted(new AppraiseProposal(id, body.favourable(), body.opinion()), id);
    }

    @PostMapping("/{id}/votes")
    @Allowed(COUNCIL)
    public Accepted vote(@PathVariable String id, @RequestBody ProposalRequests.Vote body) {
        return accepted(new RecordCouncilVote(id, body.membersTotal(), body.votesFor(), body.votesAgainst(),
                body.abstaining()), id);
    }

    @PostMapping("/{id}/award")
    @Allowed(APPROVER)
    public Accepted grant(@PathVariable String id, @RequestBody ProposalRequests.Grant body) {
        return accepted(new GrantAward(id, body.decisionNumber(), body.decisionDate(), body.signerName(),
                body.signerTitle()), id);
    }

    @PostMapping("/{id}/rejection")
    @Allowed({APPROVER, COUNCIL})
    public Accepted reject(@PathVariable String id, @RequestBody ProposalRequests.Reason body) {
        return accepted(new RejectProposal(id, body.reason()), id);
    }

    @PostMapping("/{id}/withdrawal")
    @Allowed(UNIT)
    public Accepted withdraw(@PathVariable String id, @RequestBody ProposalRequests.Reason body) {
        return accepted(new WithdrawProposal(id, Ids.actingUnit(Actor.current()), body.reason()), id);
    }

    @PostMapping("/{id}/revocation")
    @Allowed(APPROVER)
    public Accepted revoke(@PathVariable String id, @RequestBody ProposalRequests.Revoke body) {
        return accepted(new RevokeAward(id, body.ground(), body.decisionNumber(), body.decisionDate(),
                body.explanation()), id);
    }

    private Accepted accepted(Object command, String id) {
        return new Accepted(id, commands.send(command, id));
    }
}
