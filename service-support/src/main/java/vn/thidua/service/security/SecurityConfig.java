package vn.thidua.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP Basic against the configured users; every refusal is a problem+json document. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(UsersProperties.class)
public class SecurityConfig {

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

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"thidua\", charset=\"UTF-8\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Cần đăng nhập (HTTP Basic) để sử dụng API");
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "forbidden",
                                "Vai trò của bạn không được thực hiện thao tác này")))
                .build();
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
                      String message) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create("urn:thidua:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
