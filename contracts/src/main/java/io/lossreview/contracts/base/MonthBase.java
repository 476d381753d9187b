package io.lossreview.contracts.base;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;
import io.lossreview.contracts.IsoString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Data of {@code loss.month-base-measured} on {@code loss.base}, keyed by month: the customer base of a month
 * and how it moved, measured by churn-ingest from its subscription ledger, in the business time zone. A
 * customer is active while at least one of their subscriptions is. Amounts are MRR in the reporting
 * currency at the FX rates valid on the month's first day.
 *
 * <p>The base is {@code known} for a month when an opening balance dated on or before its first day was
 * loaded; otherwise the counts cover only the customers the ledger has seen start, and no rate is given.
 *
 * @param unknownBaseLosses lost customers of the month the ledger knows nothing of (no opening balance or start of theirs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthBase(
        @IsoString YearMonth month,
        boolean known,
        @IsoString LocalDate balanceAsOf,
        Customers customers,
        Mrr mrr,
        int unknownBaseLosses,
        List<Bucket> segments,
        List<Bucket> regions,
        List<Bucket> plans,
        @IsoString Instant measuredAt) {

    /** Rates are fractions (0.024123 is 2.4123%), six decimals, rounded half-even. */
    public static final int RATE_SCALE = 6;

    /**
     * Customer counts.
     *
     * @param atStart         active at the month's first instant
     * @param added           active for the first time ever during the month (new customers)
     * @param reactivated     active again during the month after having been inactive
     * @param lost            went from active to inactive during the month (each customer once)
     * @param lostFromStart   of {@code lost}, those active at the start (a customer who joined and left within
     *                        the month is not churn of the base it was not part of)
     * @param lostVoluntary   of {@code lostFromStart}, those whose last subscription was cancelled voluntarily
     * @param atEnd           active at the month's last instant
     */
    public record Customers(int atStart, int added, int reactivated, int lost, int lostFromStart, int lostVoluntary,
                            int atEnd) {
    }

    /**
     * MRR and its movements: {@code atEnd = atStart + added + expansion - contraction - churned + reactivation}.
     *
     * @param valuePending a currency had no FX rate on the month's first day: no amounts then
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mrr(String currency, boolean valuePending, @DecimalString BigDecimal atStart,
                      @DecimalString BigDecimal added, @DecimalString BigDecimal expansion,
                      @DecimalString BigDecimal contraction, @DecimalString BigDecimal churned,
                      @DecimalString BigDecimal reactivation, @DecimalString BigDecimal atEnd) {
    }

    /** Customers at the start with one value of a dimension ("unknown" where the ledger does not know it). */
    public record Bucket(String value, int customersAtStart) {
    }

    /** The same figures, measured at another instant. */
    public MonthBase at(Instant when) {
        return new MonthBase(month, known, balanceAsOf, customers, mrr, unknownBaseLosses, segments, regions, plans, when);
    }

    /** Customer churn rate: lost customers who were active at the start / customers at the start (ChartMogul's). */
    @JsonIgnore
    public BigDecimal customerChurnRate() {
        return rate(BigDecimal.valueOf(customers.lostFromStart()), BigDecimal.valueOf(customers.atStart()));
    }

    /** Voluntary churn rate: of those, the ones who cancelled / customers at the start. */
    @JsonIgnore
    public BigDecimal voluntaryChurnRate() {
        return rate(BigDecimal.valueOf(customers.lostVoluntary()), BigDecimal.valueOf(customers.atStart()));
    }

    /** Involuntary (delinquent) churn rate: lapsed on failed payments / customers at the start. */
    @JsonIgnore
    public BigDecimal involuntaryChurnRate() {
        return rate(BigDecimal.valueOf(customers.lostFromStart() - customers.lostVoluntary()),
                BigDecimal.valueOf(customers.atStart()));
    }

    /** Gross MRR churn rate: (churned + contraction MRR) / MRR at the start. */
    @JsonIgnore
    public BigDecimal grossMrrChurnRate() {
        return mrr.valuePending() ? null : rate(mrr.churned().add(mrr.contraction()), mrr.atStart());
    }

    /** Net MRR churn rate: (churned + contraction - expansion - reactivation MRR) / MRR at the start; negative is net growth. */
    @JsonIgnore
    public BigDecimal netMrrChurnRate() {
        return mrr.valuePending() ? null : rate(mrr.churned().add(mrr.contraction()).subtract(mrr.expansion())
                .subtract(mrr.reactivation()), mrr.atStart());
    }

    /** A share of the customers at the start, e.g. one cause's lost customers: null without a known base. */
    public BigDecimal shareOfBase(int customersCount) {
        return rate(BigDecimal.valueOf(customersCount), BigDecimal.valueOf(customers.atStart()));
    }

    /** A share of the MRR at the start, e.g. one cause's MRR lost: null without a known base or while valuing waits. */
    public BigDecimal shareOfMrr(BigDecimal mrrLost) {
        return mrr.valuePending() ? null : rate(mrrLost, mrr.atStart());
    }

    private BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (!known || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
