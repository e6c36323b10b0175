package vn.thidua.command.api;

/** What a command returns: the aggregate it changed and its version after the change. */
public record Accepted(String id, long version) {
}
