package io.lossreview.contracts;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a java.time value as its ISO-8601 string (Instant "2025-03-04T10:15:30Z", LocalDate "2025-03-04",
 * YearMonth "2025-03") even on a mapper that still has WRITE_DATES_AS_TIMESTAMPS on (Jackson's default).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonFormat(shape = JsonFormat.Shape.STRING)
public @interface IsoString {
}
