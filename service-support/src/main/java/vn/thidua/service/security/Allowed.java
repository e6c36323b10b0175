package vn.thidua.service.security;

import vn.thidua.domain.common.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint (on a method) or every endpoint of a controller (on the class); anyone else
 * gets 403. Checked by {@link AllowedRoles} before the method runs. Roles are {@link Role} members, not strings.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    Role[] value();
}
