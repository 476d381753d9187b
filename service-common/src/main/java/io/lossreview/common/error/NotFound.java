package io.lossreview.common.error;

/** The thing asked for does not exist. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
