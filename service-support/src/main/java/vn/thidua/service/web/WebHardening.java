package vn.thidua.service.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What both services do to every request before and around Spring MVC, so that every answer, error or not, is one of
 * ours: correlation ids, the request guard (415, 413), the access-denied log, strict JSON, and problem+json from
 * {@code /error} and from Tomcat's own error report.
 */
@Configuration(proxyBeanMethods = false)
public class WebHardening {

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIds() {
        FilterRegistrationBean<CorrelationIdFilter> filter = new FilterRegistrationBean<>(new CorrelationIdFilter());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return filter;
    }

    @Bean
    public FilterRegistrationBean<DeniedAccessLog> deniedAccessLog() {
        FilterRegistrationBean<DeniedAccessLog> filter = new FilterRegistrationBean<>(new DeniedAccessLog());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return filter;
    }

    @Bean
    public FilterRegistrationBean<RequestGuard> requestGuard() {
        FilterRegistrationBean<RequestGuard> filter = new FilterRegistrationBean<>(new RequestGuard());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return filter;
    }

    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(StrictJson::apply);
    }

    @Bean
    public NfcStrings nfcStrings() {
        return new NfcStrings();
    }

    /** Tomcat's own refusals (bad URL encoding, over-long headers) answer problem+json too. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
