package vn.thidua.service.security;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

import java.util.Arrays;
import java.util.function.Supplier;
import vn.thidua.domain.common.Role;

/**
 * Enforces {@link Allowed}: the method's own annotation, else its class's. Built on Spring Security's method
 * authorization, so a refusal is the same AccessDeniedException (403) a {@code @PreAuthorize} gives.
 */
final class AllowedRoles implements AuthorizationManager<MethodInvocation> {

    private AllowedRoles() {
    }

    static AuthorizationManagerBeforeMethodInterceptor interceptor() {
        Pointcut annotated = new ComposablePointcut(new AnnotationMatchingPointcut(Allowed.class, true))
                .union(new AnnotationMatchingPointcut(null, Allowed.class, true));
        var interceptor = new AuthorizationManagerBeforeMethodInterceptor(annotated, new AllowedRoles());
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod().getDeclaringClass(),
                    Allowed.class);
        }
        if (allowed == null) {
            return new AuthorizationDecision(false);
        }
        String[] roles = Arrays.stream(allowed.value()).map(Role::name).toArray(String[]::new);
        return AuthorityAuthorizationManager.<MethodInvocation>hasAnyRole(roles).check(authentication, invocation);
    }
}
