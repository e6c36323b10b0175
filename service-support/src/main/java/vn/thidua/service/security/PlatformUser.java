package vn.thidua.service.security;

import vn.thidua.domain.common.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A configured user: one role, and for UNIT users the one unit they act for. */
public class PlatformUser extends User {

    private final Role role;
    private final String unitId;

    public PlatformUser(String username, String password, Role role, String unitId) {
        super(username, password, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.unitId = unitId;
    }

    public Role role() {
        return role;
    }

    public String unitId() {
        return unitId;
    }
}
