package io.lossreview.scheduler.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lossreview.contracts.defection.StatedReason;
import io.lossreview.scheduler.packet.render.LossesViewAccess;
import org.junit.jupiter.api.Test;

/** Stories quote the customer, not the account manager's notes about reaching them. */
class CustomerWordsTest {

    private static String words(String billingComment, String crmNote) {
        return CustomerWords.of(new StatedReason(null, billingComment, null, crmNote, null), 25);
    }

    @Test
    void whatTheCustomerTypedInTheCancelFlowComesFirst() {
        assertEquals("The renewal figure made our CFO laugh.",
                words("The renewal figure made our CFO laugh.", "Left two voicemails, finally reached Noah Lopez. Price."));
    }

    @Test
    void commentsOfSeveralSubscriptionsReadAsSeparateWords() {
        assertEquals("Same reason as the other subscription / The renewal figure made our CFO laugh.",
                words("Same reason as the other subscription\n The renewal figure made our CFO laugh.", null));
    }

    @Test
    void aNoteLosesTheRepsDoingsAndLeadIns() {
        assertEquals("Price per seat is too high for a team our size.",
                words(null, "Left two voicemails, finally reached Noah Lopez. Price per seat is too high for a team our size."));
        assertEquals("We found the reporting too slow for month-end close.",
                words(null, "Cust said: we found the reporting too slow for month-end close."));
        assertEquals("Budget cut, they moved everything to the parent's tools.",
                words(null, "Called the CFO on Tuesday. Per customer - budget cut, they moved everything to the parent's tools."));
    }

    @Test
    void speechQuotedInANoteIsTheirWords() {
        assertEquals("Your renewal quote was double what RivalSoft offered",
                words(null, "Spoke with the CFO. She said \"your renewal quote was double what RivalSoft offered\" and hung up."));
        assertEquals("We just don't use it any more", words(null, "AM note: \u201Cwe just don't use it any more\u201D per the ops lead."));
    }

    @Test
    void aNoteOfOnlyScaffoldingIsNoQuote() {
        assertNull(words(null, "Left a voicemail. Emailed twice, no answer."));
        assertNull(CustomerWords.of(null, 25));
    }

    @Test
    void anAttributionNeverSaysUnknown() {
        assertEquals("Globex Corporation (Enterprise)", LossesViewAccess.attribution("Globex Corporation", "ENTERPRISE"));
        assertEquals("A customer (SMB)", LossesViewAccess.attribution(null, "SMB"));
        assertEquals("A customer", LossesViewAccess.attribution("", "UNKNOWN"));
    }
}
