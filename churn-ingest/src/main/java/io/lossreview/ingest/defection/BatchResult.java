package io.lossreview.ingest.defection;

import io.lossreview.ingest.inbound.InboundEvent;
import java.util.List;

/** What one batch did: accepted event ids, duplicates skipped, and the rejected events with reasons. */
public record BatchResult(List<String> accepted, List<String> duplicates, List<InboundEvent> rejected) {
}
