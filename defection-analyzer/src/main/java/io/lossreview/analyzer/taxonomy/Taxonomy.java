package io.lossreview.analyzer.taxonomy;

import io.lossreview.contracts.ContractJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The set of causes defections are classified into, versioned so that a classification can say which taxonomy it
 * used. Causes keep their order: it is the tie-break order of the classifier and the display order of reports.
 *
 * <p>Reason codes: a plain code belongs to exactly one cause. Some sources pick from a list coarser than the
 * taxonomy (our CRM's {@code PRODUCT} covers missing features, quality and ease of use); such a code is written with
 * the {@value #COARSE_PREFIX} prefix ({@code ~PRODUCT}) on every cause it may mean, and the classifier takes it as
 * weak evidence shared among them. This keeps the Cause record flat and the rule in data, not in code.
 */
public record Taxonomy(int version, LocalDate effectiveFrom, List<Cause> causes) {

    /** Marks a coarse reason code, see the class comment. */
    public static final String COARSE_PREFIX = "~";
    /** The fallback cause: required, it is what "no evidence" classifies as. */
    public static final String OTHER = "OTHER";
    /** Lapsed on payment failure: required, billing's voluntary=false maps to it. */
    public static final String INVOLUNTARY = "INVOLUNTARY";

    private static final String DEFAULT_RESOURCE = "/taxonomy/default-taxonomy.json";

    public Taxonomy {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** The built-in taxonomy, version 1. */
    public static Taxonomy defaults() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " not found on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A taxonomy from its JSON form (the shape of default-taxonomy.json). Not validated: call {@link #validate()}. */
    public static Taxonomy read(InputStream json) throws IOException {
        return ContractJson.mapper().readValue(json, Taxonomy.class);
    }

    /** The cause with this code, ignoring case. */
    public Optional<Cause> cause(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return causes.stream().filter(c -> code.equalsIgnoreCase(c.code())).findFirst();
    }

    /** Cause codes in taxonomy order. */
    public List<String> codes() {
        return causes.stream().map(Cause::code).toList();
    }

    /** Human-readable problems; empty when the taxonomy is usable. */
    public List<String> validate() {
        return TaxonomyValidator.problems(this);
    }
}
