package vn.thidua.query.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.thidua.service.security.LoginThrottle;

/**
 * The web pages' own security, apart from the API's: a login form and a session (with CSRF protection on every form
 * that changes something, logging out included), for the same users and roles; the API keeps its own authentication
 * and stays stateless. Pages send no script or style to other sites (the scripts come from WebJars, served here).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfig {

    /** The paths the pages answer; everything else is the API's. */
    static final String[] PATHS = {"/", "/web", "/web/**", "/login", "/logout", "/webjars/**", "/assets/**"};

    @Bean
    @Order(1)
    public SecurityFilterChain webPagesSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LoginThrottle.FORM_LOGIN).defaultSuccessUrl("/web/campaigns", false)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(x -> x.accessDeniedPage("/web/denied"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new LoginThrottle(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
