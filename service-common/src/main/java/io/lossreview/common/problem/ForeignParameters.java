package io.lossreview.common.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route that another system sends people back to with its own query parameters (the identity
 * provider's logout adds its state): {@link UnknownParameters} lets them through, since the route
 * reads none of them and the sender decides what it appends.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForeignParameters {

    /** Who appends them, for the reader. */
    String value();
}
