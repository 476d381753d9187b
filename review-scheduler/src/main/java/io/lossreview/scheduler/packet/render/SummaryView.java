package io.lossreview.scheduler.packet.render;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.base.MonthBaseView;
import io.lossreview.scheduler.packet.model.Summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Section 1, pre-formatted: KPI tiles, the churn rates against the customer base, the two comparisons,
 * voluntary vs involuntary, win-backs.
 */
record SummaryView(String customers, String seats, String mrrLost, String arrLost, String lifetimeValueLost,
                   String priorLabel, Delta customersVsPrior, Delta arrVsPrior,
                   List<Comparison> comparisons, Split voluntary, Split involuntary,
                   String wonBack, String wonBackArr, String unvaluedNote, Rates rates) {

    /**
     * The month against its customer base, in words (page 1 has no room for another row of tiles).
     *
     * @param sentence e.g. "398 of the 16,950 customers at the start of March were lost: a customer churn rate of 2.3%
     *                 ...", or that no base is known
     * @param splitNote under voluntary vs involuntary: their churn rates, or what the split means without a base
     */
    record Rates(String sentence, String splitNote) {
        static final String SPLIT = "Customers, ARR lost and share of ARR lost. Involuntary: the customer did not choose"
                + " to leave (e.g. a failed payment).";
    }

    /** A change in losses, its text and its tone (worse, better, flat). */
    record Delta(String text, String tone) {
        static Delta count(BigDecimal delta) {
            return new Delta(Formats.signedCount(delta), Formats.direction(delta));
        }

        static Delta money(BigDecimal delta, String currency) {
            return new Delta(Formats.signedMoney(delta, currency), Formats.direction(delta));
        }

        /** The tone follows the money difference; the percent is null when the reference was zero. */
        static Delta percent(BigDecimal percent, BigDecimal moneyDelta) {
            return new Delta(Formats.signedPercent(percent), Formats.direction(moneyDelta));
        }
    }

    record Comparison(String label, String referenceCustomers, Delta customers, String referenceArr, Delta arr,
                      Delta arrPercent) {
    }

    /** Voluntary or involuntary: customers, ARR, share of the month's ARR lost and a bar width for it. */
    record Split(String customers, String arrLost, String share, String barWidth) {
    }

    static SummaryView of(Summary s, YearMonth month, String currency) {
        Change prior = s.vsPriorMonth();
        Change trailing = s.vsTrailing3Months();
        String priorLabel = "vs " + Formats.monthMedium(month.minusMonths(1));
        BigDecimal splitTotal = orZero(s.voluntaryArrLost()).add(orZero(s.involuntaryArrLost()));
        return new SummaryView(
                Formats.count(s.customers()),
                Formats.count(s.seats()),
                Formats.money(s.mrrLost(), currency),
                Formats.money(s.arrLost(), currency),
                Formats.money(s.lifetimeValueLost(), currency),
                priorLabel,
                prior == null ? new Delta("n/a", "flat") : Delta.count(prior.customers()),
                prior == null ? new Delta("n/a", "flat") : Delta.percent(prior.arrLostPercent(), prior.arrLost()),
                List.of(comparison("Prior month (" + Formats.monthTitle(month.minusMonths(1)) + ")", prior, currency),
                        comparison("Trailing 3-month average", trailing, currency)),
                split(s.voluntaryCustomers(), s.voluntaryArrLost(), splitTotal, currency),
                split(s.involuntaryCustomers(), s.involuntaryArrLost(), splitTotal, currency),
                Formats.count(s.wonBack()),
                Formats.money(s.wonBackArr(), currency),
                unvaluedNote(s.unvalued()),
                rates(s.base(), month, currency));
    }

    static Rates rates(MonthBaseView view, YearMonth month, String currency) {
        MonthBase b = view == null ? null : view.base();
        if (b == null || !b.known()) {
            return new Rates("No churn rate: no customer base is known for " + Formats.monthTitle(month)
                    + ". Load an opening balance of the active subscriptions to see losses out of how many.", Rates.SPLIT);
        }
        MonthBaseView.Rates r = view.rates();
        String start = "at the start of " + Formats.monthTitle(month);
        String sentence = Formats.count(b.customers().lostFromStart()) + " of the " + Formats.count(b.customers().atStart())
                + " customers " + start + " were lost: a customer churn rate of " + Formats.rate(r.customerChurn())
                + "."
                + (b.mrr().valuePending() ? "" : " Gross MRR churn " + Formats.rate(r.grossMrrChurn()) + ", net of expansion and"
                + " reactivation " + Formats.rate(r.netMrrChurn()) + ", of " + Formats.money(b.mrr().atStart(), currency) + " MRR.");
        String unknown = b.unknownBaseLosses() == 0 ? "" : " " + Formats.count(b.unknownBaseLosses())
                + (b.unknownBaseLosses() == 1 ? " loss was of a customer" : " losses were of customers")
                + " the subscription ledger does not know: not in the rates.";
        return new Rates(sentence + unknown, "Churn rate of the customers at the start: voluntary " + Formats.rate(r.voluntaryChurn())
                + ", involuntary (e.g. a failed payment) " + Formats.rate(r.involuntaryChurn()) + ".");
    }

    private static Comparison comparison(String label, Change c, String currency) {
        if (c == null) {
            Delta none = new Delta("n/a", "flat");
            return new Comparison(label, Formats.NONE, none, Formats.NONE, none, none);
        }
        return new Comparison(label, Formats.decimalCount(c.referenceCustomers()), Delta.count(c.customers()),
                Formats.money(c.referenceArrLost(), currency), Delta.money(c.arrLost(), currency),
                Delta.percent(c.arrLostPercent(), c.arrLost()));
    }

    private static Split split(int customers, BigDecimal arr, BigDecimal total, String currency) {
        BigDecimal fraction = total.signum() == 0 ? BigDecimal.ZERO
                : orZero(arr).divide(total, 4, RoundingMode.HALF_UP);
        String width = String.format(Locale.US, "%.1f%%", fraction.movePointRight(2));
        return new Split(Formats.count(customers), Formats.money(orZero(arr), currency), Formats.share(fraction),
                width);
    }

    private static String unvaluedNote(int unvalued) {
        if (unvalued <= 0) {
            return null;
        }
        return unvalued == 1
                ? "1 lost customer has no value yet and is not in the money figures."
                : Formats.count(unvalued) + " lost customers have no value yet and are not in the money figures.";
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
