package vn.thidua.query.api;

/** The refusals of the query API, each mapped to a problem by {@link QueryProblems}. */
public final class QueryExceptions {

    private QueryExceptions() {
    }

    /** 404: no such campaign, proposal, … */
    public static class NotFound extends RuntimeException {
        public NotFound(String what, String id) {
            super("Không tìm thấy " + what + " \"" + id + "\"");
        }
    }

    /** 400: a query parameter with a value that cannot be used. */
    public static class InvalidParameter extends RuntimeException {
        private final String parameter;

        public InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** 409: the read model did not reach the requested version within the wait. */
    public static class NotCaughtUp extends RuntimeException {
        public NotCaughtUp(String id, long wanted, long reached, long waitedMillis) {
            super("Dữ liệu đọc của \"" + id + "\" chưa cập nhật tới phiên bản " + wanted + " (hiện ở " + reached
                    + ") sau " + waitedMillis + " ms; hãy thử lại");
        }
    }

    /** 409: a replay needs every segment of the processor, and another node holds one. */
    public static class SegmentsHeldElsewhere extends RuntimeException {
        public SegmentsHeldElsewhere(String processor) {
            super("Một nút khác đang giữ phân đoạn của bộ xử lý \"" + processor + "\"; hãy dừng các nút khác rồi"
                    + " chạy lại");
        }
    }

    /** 503: the ledger or the audit trail has not got where an answer needs it yet; retried in a few seconds. */
    public static class NotYetAvailable extends RuntimeException {
        public NotYetAvailable(String message) {
            super(message);
        }
    }
}
