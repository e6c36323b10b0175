package vn.thidua.domain.common;

/**
 * A rule refused a command. Nothing is recorded when it is thrown: the unit of work rolls back.
 * Carries the {@link Refusal} (stable code, category), the Vietnamese message and, where one field is at fault,
 * the path of that field in the command.
 */
public class DomainRuleException extends RuntimeException {

    private final Refusal refusal;
    private final String field;

    public DomainRuleException(Refusal refusal, String field, Object... args) {
        super(refusal.message(args));
        this.refusal = refusal;
        this.field = field;
    }

    public static DomainRuleException of(Refusal refusal, Object... args) {
        return new DomainRuleException(refusal, null, args);
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }

    /** Path of the offending field (e.g. {@code plan.period.end}), or null when the refusal is about state. */
    public String field() {
        return field;
    }
}
