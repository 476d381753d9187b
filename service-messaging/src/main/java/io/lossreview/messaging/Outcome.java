package io.lossreview.messaging;

import java.util.List;

/** What one batch transaction did with its records. */
public record Outcome<E>(List<Decoded.Event<E>> applied, List<Decoded.Event<E>> duplicates,
                         List<Decoded.Refused<E>> refused, int ignored, int deadLettered) {
}
