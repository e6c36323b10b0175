package vn.thidua.query.dashboard;

/**
 * What a dashboard answer reflects: every event up to {@code position} at least (the read models' processor had
 * handled them when the answer was read), {@code lag} events stored after it and not yet in the read models, of
 * {@code eventStoreHead}.
 */
public record Reflects(long position, long lag, long eventStoreHead) {
}
