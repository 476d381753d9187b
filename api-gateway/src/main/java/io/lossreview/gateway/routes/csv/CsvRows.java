package io.lossreview.gateway.routes.csv;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list route that also answers {@code Accept: text/csv}: its JSON answer, turned into a table by
 * {@link CsvResponses}. The route must list text/csv in its {@code @Produces}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CsvRows {

    /** The field of the answer holding the rows; empty when the answer is the list itself. */
    String value();

    /** The file name's first part, e.g. "causes" gives causes-2025-12.csv for a month. */
    String file();
}
