package io.lossreview.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.DecimalString;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The truth the platform's numbers must match to the cent: one entry per simulated month (also months without
 * losses) in calendar order, plus event counts. Amounts are in the reporting currency, scale 2.
 *
 * @param zone time zone whose calendar months the losses were counted in
 */
@JsonPropertyOrder({"seed", "reportingCurrency", "zone", "months", "counts"})
public record ExpectedFigures(long seed, String reportingCurrency, String zone, List<MonthFigures> months, Counts counts) {

    private static final ObjectMapper JSON = ContractJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ExpectedFigures {
        months = List.copyOf(months);
    }

    /**
     * Losses counted in one month (the month of the customer's loss instant).
     *
     * @param customers lost customers, excluding those won back; CRM-only ones included
     * @param seats     billing seats of those customers (CRM-only adds none)
     * @param mrr       their converted monthly recurring revenue
     * @param arr       mrr × 12
     * @param wonBack   customers of this month who reactivated within 90 days (not in the figures above)
     * @param unvalued  customers known only from the CRM: counted, but without value
     * @param byCause   the same figures per true cause, every cause listed (zeros included), in {@link Cause} order
     * @param base      the month's customer base, or null when no base was simulated
     */
    @JsonPropertyOrder({"month", "customers", "seats", "mrr", "arr", "wonBack", "unvalued", "byCause", "base"})
    public record MonthFigures(String month, long customers, long seats, @DecimalString BigDecimal mrr,
                               @DecimalString BigDecimal arr, long wonBack, long unvalued,
                               Map<String, CauseFigures> byCause, @JsonInclude(JsonInclude.Include.NON_NULL) BaseFigures base) {

        MonthFigures withBase(BaseFigures b) {
            return new MonthFigures(month, customers, seats, mrr, arr, wonBack, unvalued, byCause, b);
        }
    }

    /**
     * A month's customer base, movements and rates ({@link ExpectedBase} says how each is counted). Amounts in the
     * reporting currency at the month's first-day rates; rates are fractions with 6 decimals, null without a base.
     */
    @JsonPropertyOrder({"atStart", "added", "reactivated", "lost", "lostFromStart", "lostVoluntary", "atEnd",
            "mrrAtStart", "mrrAdded", "mrrExpansion", "mrrContraction", "mrrChurned", "mrrReactivation", "mrrAtEnd",
            "unknownBaseLosses", "customerChurn", "voluntaryChurn", "involuntaryChurn", "grossMrrChurn", "netMrrChurn",
            "segments", "regions", "plans"})
    public record BaseFigures(long atStart, long added, long reactivated, long lost, long lostFromStart, long lostVoluntary,
                              long atEnd, @DecimalString BigDecimal mrrAtStart, @DecimalString BigDecimal mrrAdded,
                              @DecimalString BigDecimal mrrExpansion, @DecimalString BigDecimal mrrContraction,
                              @DecimalString BigDecimal mrrChurned, @DecimalString BigDecimal mrrReactivation,
                              @DecimalString BigDecimal mrrAtEnd, long unknownBaseLosses,
                              @DecimalString BigDecimal customerChurn, @DecimalString BigDecimal voluntaryChurn,
                              @DecimalString BigDecimal involuntaryChurn, @DecimalString BigDecimal grossMrrChurn,
                              @DecimalString BigDecimal netMrrChurn,
                              Map<String, Long> segments, Map<String, Long> regions, Map<String, Long> plans) {
    }

    @JsonPropertyOrder({"customers", "seats", "mrr"})
    public record CauseFigures(long customers, long seats, @DecimalString BigDecimal mrr) {
    }

    /**
     * @param published     every record in the stream
     * @param valid         records the platform must accept (first deliveries)
     * @param duplicates    redeliveries of valid records
     * @param malformed     records the platform must reject
     * @param reactivations valid {@code billing.subscription-reactivated} records
     * @param wonBack       customers won back, all months
     */
    @JsonPropertyOrder({"published", "valid", "duplicates", "malformed", "reactivations", "wonBack"})
    public record Counts(long published, long valid, long duplicates, long malformed, long reactivations, long wonBack) {
    }

    /** The figures of one month, "yyyy-MM". */
    public MonthFigures month(String month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("month " + month + " was not simulated"));
    }

    /** Indented JSON with a final newline; the same figures always give the same bytes. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write expected figures", e);
        }
    }

    public static ExpectedFigures fromJson(String json) {
        try {
            return JSON.readValue(json, ExpectedFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an expected-figures document: " + e.getOriginalMessage(), e);
        }
    }
}
