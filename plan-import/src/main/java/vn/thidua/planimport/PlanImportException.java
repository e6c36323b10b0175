package vn.thidua.planimport;

/**
 * Input that cannot be read as a plan at all (too long, not a .docx, not UTF-8);
 * the message, in Vietnamese, says why.
 */
public class PlanImportException extends RuntimeException {

    public PlanImportException(String message) {
        super(message);
    }

    public PlanImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
