package io.lossreview.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.scheduler.packet.PacketMailer;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketSamples;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packet goes out over real SMTP (GreenMail): the distribution list gets the PDF, readable as text. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class PacketMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    PacketMailer mailer;

    @Test
    void theDistributionListGetsThePdf() throws Exception {
        Packet packet = PacketSamples.full();
        mailer.send(packet);
        SMTP.waitForIncomingEmail(10_000, 2);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one copy per address on the distribution list");
        MimeMessage m = received[0];
        assertTrue(m.getSubject().startsWith("Customer loss review " + packet.month()), m.getSubject());
        Multipart parts = (Multipart) m.getContent();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertTrue(pdf != null, "PDF attached");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.getDataHandler().writeTo(bytes);
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Customer loss review"), "title in the PDF");
            assertTrue(text.contains("412"), "customers lost in the PDF");
        }
        assertTrue(GreenMailUtil.getBody(m).length() > 0);
    }
}
