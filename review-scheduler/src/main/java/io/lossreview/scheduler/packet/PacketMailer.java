package io.lossreview.scheduler.packet;

import io.lossreview.scheduler.mail.MailSender;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.config.SchedulerConfig;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketRenderer;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends a new packet: the PDF to the executive distribution list, and to each executive the calls
 * assigned to them. Plain text bodies: customer words are never interpreted as markup.
 */
@ApplicationScoped
public class PacketMailer {

    private static final Logger LOG = Logger.getLogger(PacketMailer.class);

    private final MailSender mailer;
    private final SchedulerConfig config;
    private final CallAssignmentRepository assignments;
    private final ExecutiveRepository executives;
    private final PacketRenderer renderer;

    public PacketMailer(MailSender mailer, SchedulerConfig config, CallAssignmentRepository assignments,
                        ExecutiveRepository executives, PacketRenderer renderer) {
        this.mailer = mailer;
        this.config = config;
        this.assignments = assignments;
        this.executives = executives;
        this.renderer = renderer;
    }

    public void send(Packet p) {
        String title = "Customer loss review " + p.month() + " (revision " + p.revision() + ")";
        List<String> list = config.distributionList().orElse(List.of());
        if (!list.isEmpty()) {
            byte[] pdf = renderer.pdf(p, PacketRenderer.PaperSize.A4);
            mailer.send(Mail.withText(String.join(",", list), title,
                    "The " + p.month() + " customer loss review is attached.\n\nCustomers lost: " + p.summary().customers()
                            + "\nARR lost: " + p.summary().arrLost().toPlainString() + " " + p.reportingCurrency() + "\n")
                    .setTo(list)
                    .addAttachment("loss-review-" + p.month() + "-r" + p.revision() + ".pdf", pdf, "application/pdf"));
        } else {
            LOG.warnf("No distribution list configured (PACKET_DISTRIBUTION_LIST): packet %s was not e-mailed", p.month());
        }
        if (p.revision() == 1) {
            sendCallLists(p);
        }
    }

    private void sendCallLists(Packet p) {
        Map<String, Executive> byId = executives.all().stream().collect(Collectors.toMap(Executive::id, Function.identity()));
        assignments.ofMonth(p.month()).stream().filter(a -> a.status() == CallAssignment.Status.ASSIGNED)
                .collect(Collectors.groupingBy(CallAssignment::executiveId)).forEach((id, calls) -> {
                    Executive e = byId.get(id);
                    if (e == null) {
                        return;
                    }
                    StringBuilder body = new StringBuilder("Hello " + e.name() + ",\n\nplease call these customers who left in "
                            + p.month() + " and record what you learn (PUT /assignments/{id}/outcome or the web app):\n\n");
                    for (CallAssignment a : calls) {
                        var b = a.brief();
                        body.append("- ").append(b.accountName()).append(" (").append(b.segment()).append(", ")
                                .append(b.region()).append("), ARR lost ").append(b.arrLost() == null ? "unvalued" : b.arrLost().toPlainString())
                                .append(", due ").append(a.dueDate()).append("\n  Why you: ").append(a.why())
                                .append("\n  Assignment: ").append(a.id()).append("\n");
                    }
                    mailer.send(Mail.withText(e.email(), "Your customer calls for " + p.month(), body.toString()));
                });
    }
}
