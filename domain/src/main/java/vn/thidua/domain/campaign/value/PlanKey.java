package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Texts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a plan (issuer + document number), folded so that spacing and case do not make a second plan. */
public record PlanKey(String issuer, String documentNumber) {

    public static PlanKey of(String issuer, String documentNumber) {
        return new PlanKey(Texts.key(issuer), Texts.key(documentNumber).replace(" ", ""));
    }

    /** A stable aggregate identifier for the plan's registration. */
    public String registrationId() {
        return "plan-" + UUID.nameUUIDFromBytes((issuer + "|" + documentNumber).getBytes(StandardCharsets.UTF_8));
    }
}
