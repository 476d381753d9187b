package io.lossreview.scheduler.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Sends mail and waits for the server's answer. Every send starts on one event-loop context of its
 * own, never on the caller's: the Vert.x mail client (4.5) connects on one context and installs its
 * reply handler on the caller's; from a plain thread or a worker those can be two threads, and a
 * server greeting that arrives in between is dropped. The mail then hangs until the server gives up
 * (GreenMail: 421 after 30 s); measured as 14 of 400 sends from a plain thread, 0 of 400 from an
 * event loop. Public Vert.x API has no way to ask for a fresh event-loop context, hence VertxInternal.
 */
@ApplicationScoped
public class MailSender {

    /** A server that has not answered in this time is not going to; the caller may retry later. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ReactiveMailer mailer;
    private final Context loop;

    public MailSender(ReactiveMailer mailer, Vertx vertx) {
        this.mailer = mailer;
        this.loop = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** Blocks until the server accepted the mail; not for event-loop threads, which must not wait. */
    public void send(Mail mail) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("MailSender.send blocks; call it from a worker thread");
        }
        Uni.createFrom().<Void>emitter(done -> loop.runOnContext(v -> mailer.send(mail).subscribe().with(done::complete, done::fail)))
                .await().atMost(TIMEOUT);
    }
}
