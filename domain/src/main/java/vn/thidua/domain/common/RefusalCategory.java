package vn.thidua.domain.common;

/** How a refusal reads to a client: the HTTP API maps these to 400, 403, 404 and 409. */
public enum RefusalCategory {
    /** The request itself is malformed or breaks a rule about its own content. */
    INVALID,
    /** The actor may not do this. */
    FORBIDDEN,
    /** The record does not exist, or exists but is not the actor's to see (the two are told alike). */
    NOT_FOUND,
    /** The request is well formed but the current state of the campaign or proposal refuses it. */
    CONFLICT
}
