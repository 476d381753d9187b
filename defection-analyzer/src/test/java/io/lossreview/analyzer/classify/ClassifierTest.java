package io.lossreview.analyzer.classify;

import io.lossreview.contracts.analysis.view.Evidence;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier's rules one at a time. Labelled examples: {@link ClassifierExamplesTest}; threads: {@link ClassifierConcurrencyTest}. */
class ClassifierTest {

    static final Classifier CLASSIFIER = new Classifier(Taxonomy.defaults(), List.of());

    static Classification text(String text) {
        return CLASSIFIER.classify(new ClassificationInput(null, text, null, null, null, true));
    }

    static Classification codes(String billing, String crm) {
        return CLASSIFIER.classify(new ClassificationInput(billing, null, crm, null, null, true));
    }

    @ParameterizedTest
    @CsvSource({"too_expensive,PRICE", "missing_features,MISSING_FEATURES", "low_quality,PRODUCT_QUALITY",
            "customer_service,SUPPORT", "too_complex,EASE_OF_USE", "switched_service,COMPETITOR",
            "unused,NO_LONGER_NEEDED", "payment_failed,INVOLUNTARY", "TOO_EXPENSIVE,PRICE"})
    void eachBillingCodeMeansItsCause(String code, String cause) {
        Classification c = codes(code, null);
        assertEquals(cause, c.primaryCause());
        assertTrue(c.confidence() >= 0.7, "a billing code alone is clear: " + c);
        assertEquals(Evidence.REASON_CODE, c.evidence().get(0).kind());
        assertTrue(c.evidence().get(0).detail().startsWith("billing reasonCode " + code), c.evidence().toString());
    }

    @ParameterizedTest
    @CsvSource({"PRICE,PRICE", "COMPETITOR,COMPETITOR", "NO_NEED,NO_LONGER_NEEDED", "PAYMENT,INVOLUNTARY",
            "SERVICE,SUPPORT", "no_need,NO_LONGER_NEEDED"})
    void eachCrmCodeMeansItsCause(String code, String cause) {
        Classification c = codes(null, code);
        assertEquals(cause, c.primaryCause());
        assertTrue(c.confidence() >= 0.6, c.toString());
    }

    @Test
    void otherCodesAloneGoToReview() {
        for (Classification c : List.of(codes("other", null), codes(null, "OTHER"))) {
            assertEquals("OTHER", c.primaryCause());
            assertTrue(c.confidence() < 0.6, c.toString());
        }
    }

    @Test
    void coarseProductCodeIsSharedByItsFamilyAndDecidedByTheText() {
        Classification alone = codes(null, "PRODUCT");
        assertEquals("OTHER", alone.primaryCause(), "a coarse code alone names none of its causes: " + alone);
        assertTrue(alone.confidence() < 0.6, "so it goes to review: " + alone);
        assertTrue(alone.evidence().stream().anyMatch(e -> e.detail().contains("one of [MISSING_FEATURES")), alone.toString());
        Classification withText = CLASSIFIER.classify(new ClassificationInput(null, null, "PRODUCT", "app crashes daily", null, true));
        assertEquals("PRODUCT_QUALITY", withText.primaryCause());
        assertTrue(withText.confidence() >= 0.7, withText.toString());
    }

    @Test
    void involuntaryAlwaysWins() {
        Classification c = CLASSIFIER.classify(new ClassificationInput("too_expensive", "way too expensive, moving to Zendora",
                "PRICE", null, "Zendora", false));
        assertEquals("INVOLUNTARY", c.primaryCause());
        assertTrue(c.confidence() >= 0.95, c.toString());
        assertEquals(Evidence.INVOLUNTARY, c.evidence().get(0).kind());
        assertTrue(CLASSIFIER.classify(new ClassificationInput(null, null, null, null, null, false)).confidence() >= 0.95);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not the price, the support was awful|SUPPORT",
            "price was fine but the support was awful|SUPPORT",
            "it wasn't about price it was the support|SUPPORT",
            "the price was okay, our team just found it way too complicated|EASE_OF_USE",
            "Price was never the problem. Outages were.|PRODUCT_QUALITY",
            "no problem with the price, we simply don't use it anymore|NO_LONGER_NEEDED",
            "nothing to do with support, the app is too slow|PRODUCT_QUALITY",
            "support never answers|SUPPORT",
            "doesn't integrate with our CRM|MISSING_FEATURES"})
    void negationAndAcceptanceDecideTheCause(String text, String cause) {
        assertEquals(cause, text(text).primaryCause(), text(text).toString());
    }

    @Test
    void deniedCauseIsEvidenceAgainstItself() {
        Classification c = text("not the price, the support was awful");
        assertTrue(c.evidence().stream().anyMatch(e -> e.detail().startsWith("PRICE denied")), c.evidence().toString());
        assertTrue(c.confidence() >= 0.6, c.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"way too expensve|PRICE", "moved to a competiter|COMPETITOR",
            "suport was useless|SUPPORT", "buggy|PRODUCT_QUALITY", "bugs everywhere|PRODUCT_QUALITY",
            "to complicted for our staff|EASE_OF_USE", "swithced service|COMPETITOR"})
    void toleratesTypos(String text, String cause) {
        assertEquals(cause, text(text).primaryCause(), text(text).toString());
    }

    @Test
    void switchedServiceWithACompetitorIsCompetitor() {
        Classification c = CLASSIFIER.classify(new ClassificationInput("switched_service", null, null, null, "Pipewise", true));
        assertEquals("COMPETITOR", c.primaryCause());
        assertTrue(c.confidence() >= 0.9, c.toString());
        assertTrue(c.evidence().stream().anyMatch(e -> e.kind().equals(Evidence.COMPETITOR)));
        Classification named = text("Went with Quilla after the trial");
        assertEquals("COMPETITOR", named.primaryCause(), named.toString());
    }

    @Test
    void otherCodeWithABankruptcyIsNoLongerNeeded() {
        Classification c = CLASSIFIER.classify(new ClassificationInput("other", "we went bust", null, null, null, true));
        assertEquals("NO_LONGER_NEEDED", c.primaryCause());
        assertTrue(c.confidence() >= 0.6, c.toString());
    }

    @Test
    void clearTextOverridesACodeWhichBecomesSecondary() {
        Classification c = CLASSIFIER.classify(new ClassificationInput("too_expensive",
                "support never got back to us, tickets sat open for weeks", null, null, null, true));
        assertEquals("SUPPORT", c.primaryCause());
        assertEquals("PRICE", c.secondaryCause());
    }

    @Test
    void noEvidenceIsOtherWithLowConfidence() {
        for (String text : new String[] {null, "", "   ", "asdf qwerty", "n/a"}) {
            Classification c = text(text);
            assertEquals("OTHER", c.primaryCause());
            assertEquals(0.2, c.confidence());
            assertNull(c.secondaryCause());
        }
        assertEquals(0.2, codes("no_such_code", "NOPE").confidence());
    }

    @Test
    void secondaryCauseForMixedText() {
        Classification c = text("too expensive for what we get, and the app kept crashing");
        assertEquals("PRICE", c.primaryCause(), c.toString());
        assertEquals("PRODUCT_QUALITY", c.secondaryCause(), c.toString());
        assertTrue(c.confidence() < 0.6, "conflicting evidence goes to review: " + c);
        assertNull(text("way too expensive, we can't afford it").secondaryCause());
    }

    @Test
    void confidenceIsBoundedAndRounded() {
        List<Classification> all = IntStream.range(0, 200).mapToObj(i -> CLASSIFIER.classify(new ClassificationInput(
                i % 3 == 0 ? "too_expensive" : null, "too expensive, too pricey, budget cut ".repeat(i % 7),
                i % 2 == 0 ? "PRICE" : "SERVICE", "support was awful ".repeat(i % 5), null, i % 11 != 0))).toList();
        for (Classification c : all) {
            assertTrue(c.confidence() >= 0 && c.confidence() <= 1, c.toString());
            assertEquals(c.confidence(), Math.round(c.confidence() * 1000) / 1000.0);
        }
    }

    @Test
    void evidenceNamesTheDecidingWords() {
        Classification c = text("Support was awful");
        assertEquals("SUPPORT", c.primaryCause());
        assertEquals(new Evidence(Evidence.TEXT, "SUPPORT words: \"support\""), c.evidence().get(0));
        assertTrue(text("$$$").confidence() > 0.2);
    }
}
