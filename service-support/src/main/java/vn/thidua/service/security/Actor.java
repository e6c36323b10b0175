package vn.thidua.service.security;

import vn.thidua.domain.common.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user a command is sent for. unitId is set for UNIT users only. */
public record Actor(String id, Role role, String unitId) {

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PlatformUser user)) {
            throw new IllegalStateException("No authenticated platform user");
        }
        return new Actor(user.getUsername(), user.role(), user.unitId());
    }

    public boolean isUnit() {
        return role == Role.UNIT;
    }
}
