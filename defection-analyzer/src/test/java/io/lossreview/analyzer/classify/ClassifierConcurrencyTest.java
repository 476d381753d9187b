package io.lossreview.analyzer.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One classifier shared by many threads gives exactly what it gives one thread. */
class ClassifierConcurrencyTest {

    @Test
    void parallelClassificationEqualsSequential() throws IOException {
        List<ClassificationInput> rows = ClassifierAccuracyTest.rows().stream().map(ClassifierAccuracyTest.Row::input).toList();
        // Typos and unknown words vary so the typo cache is filled concurrently too.
        List<ClassificationInput> inputs = IntStream.range(0, 10_000).mapToObj(i -> {
            ClassificationInput r = rows.get(i % rows.size());
            String noise = i % 4 == 0 ? " suport" + (char) ('a' + i % 26) + "ing" : "";
            return new ClassificationInput(r.billingReasonCode(), r.billingComment() == null ? null : r.billingComment() + noise,
                    r.crmReasonCode(), r.statedReason(), r.competitor(), r.voluntary());
        }).toList();
        List<Classification> parallel = inputs.parallelStream().map(ClassifierTest.CLASSIFIER::classify).toList();
        List<Classification> sequential = inputs.stream().map(ClassifierTest.CLASSIFIER::classify).toList();
        assertEquals(sequential, parallel);
    }
}
