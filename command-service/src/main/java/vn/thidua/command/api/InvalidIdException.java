package vn.thidua.command.api;

/** A client-chosen id that is not a UUID. */
public class InvalidIdException extends RuntimeException {

    public InvalidIdException(String id) {
        super("Mã định danh do máy khách chọn phải là UUID (nhận được \"" + id + "\")");
    }
}
