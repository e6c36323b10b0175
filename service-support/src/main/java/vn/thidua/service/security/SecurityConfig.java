package vn.thidua.service.security;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.aop.Advisor;
import vn.thidua.domain.common.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.thidua.service.web.DeniedAccessLog;
import vn.thidua.service.web.ProblemWriter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may call the API, and every refusal as a problem+json document.
 * <p>
 * {@code thidua.security.mode}: {@code basic} (the embedded default: HTTP Basic against the configured demo users) or
 * {@code jwt} (the {@code axonserver} profile: an OAuth2/OIDC resource server; tokens verified against
 * {@code spring.security.oauth2.resourceserver.jwt.*}, issuer included; role and unit from the claims named by
 * {@code thidua.security.jwt.role-claim} and {@code unit-claim}). Failed logins are throttled in both modes.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(UsersProperties.class)
public class SecurityConfig {

    /** {@link Allowed} on controllers: the roles an endpoint admits, named by {@link Role}. */
    @Bean
    @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor allowedRoles() {
        return AllowedRoles.interceptor();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService platformUsers(UsersProperties properties) {
        Map<String, PlatformUser> users = new LinkedHashMap<>();
        for (UsersProperties.UserEntry u : properties.users()) {
            if (u.username() == null || u.username().isBlank() || u.password() == null || u.role() == null) {
                throw new IllegalStateException("thidua.security.users: each user needs username, password and role");
            }
            if (!u.password().startsWith("{")) {
                throw new IllegalStateException("thidua.security.users[" + u.username()
                        + "]: the password must name its encoding, e.g. {bcrypt}…");
            }
            boolean hasUnit = u.unitId() != null && !u.unitId().isBlank();
            if ((u.role() == Role.UNIT) != hasUnit) {
                throw new IllegalStateException("thidua.security.users[" + u.username()
                        + "]: a UNIT user is bound to exactly one unitId, other roles to none");
            }
            if (users.put(u.username(), new PlatformUser(u.username(), u.password(), u.role(),
                    hasUnit ? u.unitId() : null)) != null) {
                throw new IllegalStateException("thidua.security.users: duplicate username " + u.username());
            }
        }
        return username -> {
            PlatformUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException(username);
            }
            return new PlatformUser(user.getUsername(), user.getPassword(), user.role(), user.unitId());
        };
    }

    /**
     * Requests Spring Security's firewall refuses: a method it does not allow (TRACE, …) is 405; anything else
     * (encoded slashes, {@code ;}, {@code ..}, NUL, …) is 400.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            if (e.getMessage() != null && e.getMessage().contains("HTTP method")) {
                response.setHeader("Allow", "GET, POST, DELETE");
                ProblemWriter.write(response, 405, "method-not-allowed",
                        "Phương thức HTTP này không được hỗ trợ");
                return;
            }
            ProblemWriter.write(response, 400, "rejected-request",
                    "Địa chỉ yêu cầu chứa ký tự hoặc đoạn không được phép");
        };
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http,
                                   @Value("${thidua.security.mode:basic}") String mode,
                                   @Value("${thidua.security.jwt.role-claim:thidua_role}") String roleClaim,
                                   @Value("${thidua.security.jwt.unit-claim:thidua_unit}") String unitClaim)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "jwt".equals(mode) ? "Bearer"
                    : "Basic realm=\"thidua\", charset=\"UTF-8\"");
            ProblemWriter.write(response, 401, "unauthenticated", "Cần đăng nhập để sử dụng API");
        };
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the API's description and Swagger UI: documentation only, every call still needs a user
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(x -> x.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> ProblemWriter.write(response, 403, "forbidden",
                                "Vai trò của bạn không được thực hiện thao tác này")))
                .addFilterBefore(new LoginThrottle(), BasicAuthenticationFilter.class)
                .addFilterBefore(new AuthenticatedUserAttribute(), AuthorizationFilter.class);
        switch (mode) {
            case "basic" -> http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
            case "jwt" -> http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .jwt(j -> j.jwtAuthenticationConverter(new JwtPlatformUsers(roleClaim, unitClaim))));
            default -> throw new IllegalStateException("thidua.security.mode must be basic or jwt, not " + mode);
        }
        return http.build();
    }

    /** Notes the authenticated user's name on the request, for the denied-access log. */
    static final class AuthenticatedUserAttribute extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof PlatformUser user) {
                request.setAttribute(DeniedAccessLog.USER, user.getUsername());
            }
            chain.doFilter(request, response);
        }
    }
}
