package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.taxonomy.TaxonomyRepository;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.StatedReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One classifier per taxonomy version, built once and rebuilt only when people labelled new
 * examples: building one analyzes every phrase, classifying with it is cheap.
 */
@ApplicationScoped
public class Classifiers {

    private record Built(LabelledExamples.Stamp stamp, Classifier classifier) {
    }

    private final TaxonomyRepository taxonomies;
    private final LabelledExamples examples;
    private final Map<Integer, Built> cache = new ConcurrentHashMap<>();

    public Classifiers(TaxonomyRepository taxonomies, LabelledExamples examples) {
        this.taxonomies = taxonomies;
        this.examples = examples;
    }

    /** The classifier of this taxonomy version, with every example labelled so far. */
    public Classifier forVersion(int version) {
        LabelledExamples.Stamp stamp = examples.stamp();
        Built built = cache.get(version);
        if (built == null || !built.stamp().equals(stamp)) {
            built = new Built(stamp, new Classifier(taxonomies.get(version).taxonomy(), examples.all()));
            cache.put(version, built);
        }
        return built.classifier();
    }

    public static ClassificationInput input(DefectionChanged d) {
        StatedReason r = d.reason();
        return r == null ? new ClassificationInput(null, null, null, null, null, d.voluntary())
                : new ClassificationInput(r.billingReasonCode(), r.billingComment(), r.crmReasonCode(),
                r.statedReason(), r.competitor(), d.voluntary());
    }

    /** The words people read and label: the CRM's stated reason and the customer's own comment. */
    public static String labelText(DefectionChanged d) {
        StatedReason r = d.reason();
        return r == null ? "" : Stream.of(r.statedReason(), r.billingComment())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" / "));
    }
}
