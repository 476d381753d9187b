package io.lossreview.scheduler.packet.render;

/** A labelled count in a row of small tiles; {@code tone} is a CSS class (good, bad, neutral). */
record Figure(String label, String value, String tone) {

    static Figure of(String label, int value, String tone) {
        return new Figure(label, Formats.count(value), tone);
    }
}
