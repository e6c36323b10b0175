package vn.thidua.service.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import vn.thidua.domain.common.Role;
import vn.thidua.service.security.Allowed;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's HTTP API described by springdoc-openapi from its controllers ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, from its WebJar: no internet needed). To what springdoc reads from the code this adds,
 * per operation, the roles that may call it (from {@link Allowed}: in the description and as {@code x-roles}) and the
 * problem responses every endpoint can give, as {@code application/problem+json} (RFC 9457) with their codes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    /** The problems any endpoint may answer, by status: what they mean and the codes they carry. */
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "Invalid input (codes: invalid-parameter, invalid-json, … or the refusal's own code)");
        PROBLEMS.put("401", "Not authenticated (unauthenticated)");
        PROBLEMS.put("403", "Role or unit not allowed (forbidden, forbidden-unit)");
        PROBLEMS.put("404", "Not found, or not yours (not-found)");
        PROBLEMS.put("409", "Refused by a rule, lost to a concurrent change, or not caught up (the refusal's code)");
    }

    @Bean
    public OpenAPI platformApi(@Value("${spring.application.name:thidua}") String name,
                               @Value("${thidua.security.mode:basic}") String mode) {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema().example("urn:thidua:problem:invalid-parameter"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("Vietnamese"))
                .addProperty("code", new StringSchema())
                .addProperty("field", new StringSchema())
                .addProperty("correlationId", new StringSchema());
        SecurityScheme scheme = "jwt".equals(mode)
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
        return new OpenAPI()
                .info(new Info().title(name).version("1")
                        .description("thidua: thi đua – khen thưởng, event-sourced. Errors are problem+json."))
                .components(new Components().addSchemas("Problem", problem).addSecuritySchemes("platform", scheme))
                .addSecurityItem(new SecurityRequirement().addList("platform"));
    }

    @Bean
    public OperationCustomizer rolesAndProblems() {
        return (operation, handler) -> {
            List<String> roles = roles(handler);
            operation.addExtension("x-roles", roles);
            String who = "Roles: " + String.join(", ", roles);
            operation.setDescription(operation.getDescription() == null ? who
                    : operation.getDescription() + "\n\n" + who);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            PROBLEMS.forEach((status, meaning) -> {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, new ApiResponse().description(meaning).content(new Content()
                            .addMediaType("application/problem+json", new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    private static List<String> roles(HandlerMethod handler) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
        }
        return allowed == null ? List.of("any signed-in user")
                : Arrays.stream(allowed.value()).map(Role::name).toList();
    }
}
