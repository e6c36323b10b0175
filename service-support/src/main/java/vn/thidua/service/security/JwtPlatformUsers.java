package vn.thidua.service.security;

import vn.thidua.domain.common.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A verified bearer token (signature, expiry and issuer are checked by Spring Security's resource server) becomes a
 * {@link PlatformUser}: the name from {@code preferred_username} (else {@code sub}), exactly one platform role from the
 * role claim (a string or a list; other roles in it are ignored), and for UNIT users the unit from the unit claim.
 */
public class JwtPlatformUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String roleClaim;
    private final String unitClaim;

    public JwtPlatformUsers(String roleClaim, String unitClaim) {
        this.roleClaim = roleClaim;
        this.unitClaim = unitClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user");
        }
        List<Role> roles = new ArrayList<>();
        for (String value : values(jwt.getClaim(roleClaim))) {
            for (Role role : Role.values()) {
                if (role.name().equals(value.toUpperCase(Locale.ROOT))) {
                    roles.add(role);
                }
            }
        }
        if (roles.size() != 1) {
            throw new InvalidBearerTokenException("The token must carry exactly one platform role in " + roleClaim);
        }
        Role role = roles.get(0);
        String unit = jwt.getClaimAsString(unitClaim);
        boolean hasUnit = unit != null && !unit.isBlank();
        if ((role == Role.UNIT) != hasUnit) {
            throw new InvalidBearerTokenException("A UNIT user's token names its unit in " + unitClaim
                    + ", other roles' tokens none");
        }
        PlatformUser user = new PlatformUser(name, "", role, hasUnit ? unit : null);
        return new UsernamePasswordAuthenticationToken(user, jwt, user.getAuthorities());
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String s) {
            return List.of(s);
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
