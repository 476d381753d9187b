package io.lossreview.analyzer.taxonomy;

import java.time.Instant;

/** A stored taxonomy version with who made it and why. */
public record TaxonomyVersion(Taxonomy taxonomy, String createdBy, Instant createdAt, String note) {
}
