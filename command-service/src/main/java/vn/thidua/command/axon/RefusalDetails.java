package vn.thidua.command.axon;

import vn.thidua.domain.common.Refusal;
import vn.thidua.domain.common.RefusalCategory;

/**
 * Why a command was refused, in a form that survives the trip back from a remote handler (Axon Server carries a
 * CommandExecutionException's details, not its cause): the refusal's code, its category (which decides the HTTP
 * status) and the field it concerns.
 */
public record RefusalDetails(String code, RefusalCategory category, String field) {

    public static RefusalDetails of(Refusal refusal, String field) {
        return new RefusalDetails(refusal.code(), refusal.category(), field);
    }
}
