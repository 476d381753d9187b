package io.lossreview.analyzer.classify;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written test set: messy stated reasons as customers and account managers write them. */
class ClassifierAccuracyTest {

    /** One row of stated-reasons.csv; empty cells read as empty strings. */
    record Row(String expected, String billingReasonCode, String crmReasonCode, boolean voluntary, String competitor,
               String text) {

        /** Text goes where its source would put it: CRM notes when the CRM said something, else the cancel comment. */
        ClassificationInput input() {
            boolean crm = !crmReasonCode.isEmpty() || !competitor.isEmpty();
            return new ClassificationInput(blankToNull(billingReasonCode), crm ? null : text, blankToNull(crmReasonCode),
                    crm ? text : null, blankToNull(competitor), voluntary);
        }

        private static String blankToNull(String s) {
            return s.isBlank() ? null : s;
        }
    }

    static List<Row> rows() throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = ClassifierAccuracyTest.class.getResourceAsStream("/classifier/stated-reasons.csv");
             MappingIterator<Row> it = mapper.readerFor(Row.class).with(schema).readValues(in)) {
            return it.readAll();
        }
    }

    @Test
    void classifiesTheTestSetWell() throws IOException {
        Classifier classifier = new Classifier(Taxonomy.defaults(), List.of());
        AccuracyReport report = new AccuracyReport("stated-reasons.csv");
        for (Row row : rows()) {
            Classification result = classifier.classify(row.input());
            report.add(row.expected(), result, "[" + row.billingReasonCode() + "|" + row.crmReasonCode() + "|"
                    + row.voluntary() + "|" + row.competitor() + "] " + row.text());
        }
        report.print(100);
        assertTrue(report.accuracy() >= 0.85, "overall accuracy " + report.accuracy() + " is below 0.85");
    }
}
