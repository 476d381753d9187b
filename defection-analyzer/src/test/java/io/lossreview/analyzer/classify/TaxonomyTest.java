package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.taxonomy.Cause;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped taxonomy and the rules every taxonomy must keep. Lives here: the test tree is the classifier's. */
class TaxonomyTest {

    private static final Taxonomy DEFAULTS = Taxonomy.defaults();

    @Test
    void defaultsLoadAllNineCauses() {
        assertEquals(1, DEFAULTS.version());
        assertEquals(LocalDate.of(2000, 1, 1), DEFAULTS.effectiveFrom());
        assertEquals(List.of("PRICE", "MISSING_FEATURES", "PRODUCT_QUALITY", "SUPPORT", "EASE_OF_USE", "COMPETITOR",
                "NO_LONGER_NEEDED", "INVOLUNTARY", "OTHER"), DEFAULTS.codes());
        for (Cause cause : DEFAULTS.causes()) {
            assertFalse(cause.label().isBlank() || cause.description().isBlank(), cause.code());
            assertTrue(cause.phrases().size() >= 10 && cause.keywords().size() >= 10, cause.code() + " needs rich terms");
        }
        assertTrue(DEFAULTS.validate().isEmpty(), DEFAULTS.validate().toString());
    }

    @Test
    void defaultsMapTheStripeAndCrmCodes() {
        String[][] expected = {{"too_expensive", "PRICE"}, {"missing_features", "MISSING_FEATURES"},
                {"low_quality", "PRODUCT_QUALITY"}, {"customer_service", "SUPPORT"}, {"too_complex", "EASE_OF_USE"},
                {"switched_service", "COMPETITOR"}, {"unused", "NO_LONGER_NEEDED"}, {"other", "OTHER"},
                {"payment_failed", "INVOLUNTARY"}, {"PRICE", "PRICE"}, {"COMPETITOR", "COMPETITOR"},
                {"NO_NEED", "NO_LONGER_NEEDED"}, {"PAYMENT", "INVOLUNTARY"}, {"SERVICE", "SUPPORT"}, {"OTHER", "OTHER"}};
        for (String[] pair : expected) {
            List<String> owners = DEFAULTS.causes().stream()
                    .filter(c -> c.reasonCodes().stream().anyMatch(pair[0]::equalsIgnoreCase)).map(Cause::code).toList();
            assertEquals(List.of(pair[1]), owners, pair[0]);
        }
        List<String> productFamily = DEFAULTS.causes().stream()
                .filter(c -> c.reasonCodes().contains(Taxonomy.COARSE_PREFIX + "PRODUCT")).map(Cause::code).toList();
        assertEquals(List.of("MISSING_FEATURES", "PRODUCT_QUALITY", "EASE_OF_USE"), productFamily);
    }

    @Test
    void causeLookupIgnoresCase() {
        assertEquals("PRICE", DEFAULTS.cause("price").orElseThrow().code());
        assertTrue(DEFAULTS.cause("NOPE").isEmpty());
        assertTrue(DEFAULTS.cause(null).isEmpty());
    }

    @Test
    void validateCatchesEachProblem() {
        assertProblem(causes -> with(causes, 0, "", "Price", List.of()), "code is blank");
        assertProblem(causes -> with(causes, 0, "price", "Price", List.of()), "must match");
        assertProblem(causes -> with(causes, 0, "P", "Price", List.of()), "must match");
        assertProblem(causes -> with(causes, 0, "PRICE", " ", List.of()), "label is blank");
        assertProblem(causes -> with(causes, 1, "PRICE", "Price again", List.of()), "duplicate code");
        assertProblem(causes -> with(causes, 1, "MISSING_FEATURES", "Features", List.of("TOO_EXPENSIVE")),
                "mapped to several causes");
        assertProblem(causes -> without(causes, "OTHER"), "required cause OTHER is missing");
        assertProblem(causes -> without(causes, "INVOLUNTARY"), "required cause INVOLUNTARY is missing");
        assertProblem(causes -> with(causes, 0, "PRICE", "Price", List.of("~SOLO")), "on one cause only");
        assertProblem(causes -> with(causes, 0, "PRICE", "Price", List.of("product")), "both plain and coarse");
    }

    @Test
    void readsJsonWithMissingListsAsEmpty() throws IOException {
        String json = """
                {"version": 2, "effectiveFrom": "2026-01-01", "causes": [
                  {"code": "OTHER", "label": "Other"},
                  {"code": "INVOLUNTARY", "label": "Payment", "reasonCodes": ["payment_failed"]}]}""";
        Taxonomy taxonomy = Taxonomy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), taxonomy.cause("OTHER").orElseThrow().phrases());
        assertEquals(List.of(), taxonomy.validate());
        assertEquals("OTHER", new Classifier(taxonomy, List.of())
                .classify(new ClassificationInput(null, "too expensive", null, null, null, true)).primaryCause());
    }

    private static void assertProblem(UnaryOperator<List<Cause>> change, String problem) {
        Taxonomy broken = new Taxonomy(1, DEFAULTS.effectiveFrom(), change.apply(new ArrayList<>(DEFAULTS.causes())));
        List<String> problems = broken.validate();
        assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), "expected '" + problem + "' in " + problems);
    }

    /** Replaces cause #index with one of this code, label and reason codes (plus the original reason codes of #0). */
    private static List<Cause> with(List<Cause> causes, int index, String code, String label, List<String> extraCodes) {
        Cause old = causes.get(index);
        List<String> reasonCodes = new ArrayList<>(old.reasonCodes());
        reasonCodes.addAll(extraCodes);
        causes.set(index, new Cause(code, label, old.description(), old.phrases(), old.keywords(), reasonCodes));
        return causes;
    }

    private static List<Cause> without(List<Cause> causes, String code) {
        causes.removeIf(c -> c.code().equals(code));
        return causes;
    }
}
