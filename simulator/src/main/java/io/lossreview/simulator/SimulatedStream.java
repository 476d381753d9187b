package io.lossreview.simulator;

import java.util.List;

/**
 * A generated stream and its truth.
 *
 * @param events   every record, in publish order
 * @param fxRates  the daily rates the expected figures were valued with (the platform must load the same ones)
 * @param expected the figures the platform must report for this stream
 * @param balance  the opening balance (the platform must load it before the stream), empty without a base
 */
public record SimulatedStream(List<SimEvent> events, List<FxRate> fxRates, ExpectedFigures expected,
                              List<CustomerBase.BalanceLine> balance) {

    public SimulatedStream {
        events = List.copyOf(events);
        fxRates = List.copyOf(fxRates);
        balance = List.copyOf(balance);
    }

    /** The opening balance as the CSV {@code PUT /subscriptions/opening-balance} takes. */
    public String balanceCsv() {
        StringBuilder csv = new StringBuilder("customerId,subscriptionId,mrr,currency,seats,plan,segment,region\n");
        for (CustomerBase.BalanceLine l : balance) {
            csv.append(l.customerId()).append(',').append(l.subscriptionId()).append(',')
                    .append(l.mrr().amount().toPlainString()).append(',').append(l.mrr().currency()).append(',')
                    .append(l.seats()).append(',').append(cell(l.plan())).append(',').append(cell(l.segment())).append(',')
                    .append(cell(l.region())).append('\n');
        }
        return csv.toString();
    }

    private static String cell(String value) {
        return value == null ? "" : value; // the simulator's plans, segments and regions hold no comma or quote
    }
}
