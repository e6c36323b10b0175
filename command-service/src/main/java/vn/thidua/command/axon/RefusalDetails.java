package vn.thidua.command.axon;

/**
 * Why a command was refused, in a form that survives the trip back from a remote handler (Axon Server carries a
 * CommandExecutionException's details, not its cause).
 */
public record RefusalDetails(String code, String category, String field) {

    public static final String NOT_FOUND = "not-found";
}
