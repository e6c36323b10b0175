package vn.thidua.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.projections.Internal;
import vn.thidua.projections.View;

/**
 * How views read over HTTP: a document's {@code _id} is answered as {@code id}, and fields marked {@link Internal}
 * (positions, folded search keys) are left out. Only the API's JSON changes; documents are stored through their own
 * mapper, which keeps both.
 */
@Configuration(proxyBeanMethods = false)
public class ApiJson {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer viewsAsAnswered() {
        return builder -> builder.annotationIntrospector(current -> AnnotationIntrospectorPair.pair(new Answered(),
                current == null ? new JacksonAnnotationIntrospector() : current));
    }

    static final class Answered extends NopAnnotationIntrospector {

        @Override
        public boolean hasIgnoreMarker(AnnotatedMember member) {
            return member.hasAnnotation(Internal.class);
        }

        @Override
        public PropertyName findNameForSerialization(Annotated annotated) {
            JsonProperty property = annotated.getAnnotation(JsonProperty.class);
            return property != null && View.ID.equals(property.value()) ? PropertyName.construct("id") : null;
        }
    }
}
