package vn.thidua.command.api;

/** A UNIT user tried to act for a unit other than its own. */
public class ForbiddenUnitException extends RuntimeException {

    public ForbiddenUnitException(String requestedUnit, String ownUnit) {
        super("Tài khoản đơn vị " + ownUnit + " chỉ được thao tác cho chính đơn vị mình, không cho " + requestedUnit);
    }
}
