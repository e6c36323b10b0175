package vn.thidua.service.security;

import vn.thidua.domain.common.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code thidua.security.users}: the users who may call the API. Passwords carry their encoding id
 * ({@code {bcrypt}…}; {@code {noop}} only for the embedded demo users).
 */
@ConfigurationProperties("thidua.security")
public record UsersProperties(List<UserEntry> users) {

    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record UserEntry(String username, String password, Role role, String unitId) {
    }
}
