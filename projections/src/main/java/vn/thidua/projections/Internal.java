package vn.thidua.projections;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A document field kept for the platform's own use (a position, a folded search key): stored with the document,
 * never answered by the API. The query service's JSON leaves such fields out; the stored form keeps them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Internal {
}
