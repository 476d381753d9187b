package io.lossreview.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lossreview.scheduler.mail.MailSender;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many sends in a row all arrive. Sent from the test's plain thread through Quarkus' mailer, about
 * one in thirty hung on a lost server greeting (see {@link MailSender}); 200 in a row would not pass.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class MailSenderTest {

    private static final int MAILS = 200;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    MailSender sender;

    @Test
    void everySendArrives() {
        for (int i = 0; i < MAILS; i++) {
            sender.send(Mail.withText("exec-" + i + "@example.com", "Mail " + i, "Body " + i));
        }
        assertEquals(MAILS, SMTP.getReceivedMessages().length);
    }
}
