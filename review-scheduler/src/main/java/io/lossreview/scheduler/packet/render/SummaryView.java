package io.lossreview.scheduler.packet.render;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.scheduler.packet.model.Summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** Section 1, pre-formatted: KPI tiles, the two comparisons, voluntary vs involuntary, win-backs. */
record SummaryView(String customers, String seats, String mrrLost, String arrLost, String lifetimeValueLost,
                   String priorLabel, Delta customersVsPrior, Delta arrVsPrior,
                   List<Comparison> comparisons, Split voluntary, Split involuntary,
                   String wonBack, String wonBackArr, String unvaluedNote) {

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
                unvaluedNote(s.unvalued()));
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
