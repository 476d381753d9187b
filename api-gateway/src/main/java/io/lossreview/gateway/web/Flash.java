package io.lossreview.gateway.web;

import java.util.Map;

/**
 * Confirmations shown after a form posted and the browser was redirected (post/redirect/get). The
 * redirect carries a code, never text, so a link cannot make the app say something it didn't.
 */
final class Flash {

    private static final Map<String, String> MESSAGES = Map.of(
            "outcome-saved", "Outcome saved. Thank you for making the call.",
            "cause-set", "Cause saved; the month's figures now count it.",
            "replayed", "The corrected event was accepted and is being processed.",
            "action-opened", "Action item opened.",
            "action-changed", "Action item updated.",
            "packet-built", "Packet built.",
            "call-reassigned", "Call moved; the new executive sees it in their calls.",
            "outcome-recorded-for", "Outcome recorded on the executive's behalf.");

    private Flash() {
    }

    static String message(String code) {
        return code == null ? null : MESSAGES.get(code);
    }
}
