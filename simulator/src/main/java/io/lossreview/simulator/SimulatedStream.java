package io.lossreview.simulator;

import java.util.List;

/**
 * A generated stream and its truth.
 *
 * @param events   every record, in publish order
 * @param fxRates  the daily rates the expected figures were valued with (the platform must load the same ones)
 * @param expected the figures the platform must report for this stream
 */
public record SimulatedStream(List<SimEvent> events, List<FxRate> fxRates, ExpectedFigures expected) {

    public SimulatedStream {
        events = List.copyOf(events);
        fxRates = List.copyOf(fxRates);
    }
}
