package io.lossreview.common.error;

/** The request is valid, but the thing's current state does not allow it (e.g. a call that is no longer open). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
