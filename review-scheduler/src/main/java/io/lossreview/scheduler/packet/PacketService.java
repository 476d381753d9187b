package io.lossreview.scheduler.packet;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallAssigned;
import io.lossreview.contracts.review.PacketPublished;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import io.lossreview.scheduler.actions.ActionItem;
import io.lossreview.scheduler.actions.ActionItemRepository;
import io.lossreview.contracts.analysis.view.DefectionCause;
import io.lossreview.contracts.analysis.view.MonthPoint;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.RankedCause;
import io.lossreview.contracts.analysis.view.Trend;
import io.lossreview.scheduler.calls.BusinessDays;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.calls.CallAssigner;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.config.SchedulerConfig;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import io.lossreview.scheduler.packet.model.ActionLine;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a month's packet. The analyzer's figures are read first (a failure there fails the build,
 * nothing is stored); then, in one transaction under the month's lock: the first build assigns the
 * month's calls, the packet is assembled and stored as a new revision only if its content differs
 * from the latest one, and loss.review hears about it through the outbox.
 */
@ApplicationScoped
public class PacketService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PacketService.class);

    /** On demand a changed month gets a new revision; the schedule only builds a month that has none. */
    public enum Mode { ON_DEMAND, SCHEDULED }

    /** The stored revision and whether this build created it. */
    public record Built(PacketRepository.Stored stored, boolean created) {
    }

    private final PacketSources sources;
    private final PacketRepository store;
    private final CallAssigner planning;
    private final CallAssignmentRepository assignments;
    private final CallReviews reviews;
    private final ActionItemRepository actions;
    private final ExecutiveRepository executives;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final SchedulerConfig config;
    private final Clock clock;
    private final PacketMailer mailer;
    private final PacketRenderer renderer;

    public PacketService(PacketSources sources, PacketRepository store, CallAssigner planning, CallAssignmentRepository assignments,
                         CallReviews reviews, ActionItemRepository actions, ExecutiveRepository executives, Outbox outbox,
                         BusinessCalendar calendar, SchedulerConfig config, Clock clock, PacketMailer mailer,
                         PacketRenderer renderer) {
        this.mailer = mailer;
        this.renderer = renderer;
        this.sources = sources;
        this.store = store;
        this.planning = planning;
        this.assignments = assignments;
        this.reviews = reviews;
        this.actions = actions;
        this.executives = executives;
        this.outbox = outbox;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** Builds, then (after the commit) e-mails a new revision. */
    public Built build(YearMonth month, Mode mode) {
        Built built = buildOnly(month, mode);
        if (built.created()) {
            try {
                mailer.send(built.stored().packet());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Packet %s revision %d is stored but could not be e-mailed", month,
                        built.stored().packet().revision());
            }
        }
        return built;
    }

    private Built buildOnly(YearMonth month, Mode mode) {
        YearMonth trendFrom = actions.openedBy(month).stream().map(ActionItem::openedMonth)
                .filter(m -> m.isAfter(month.minusMonths(120))).min(YearMonth::compareTo)
                .filter(m -> m.isBefore(month.minusMonths(11))).orElse(month.minusMonths(11));
        return store(sources.gather(month, trendFrom), mode);
    }

    @Transactional
    Built store(PacketInputs in, Mode mode) {
        YearMonth month = in.month();
        store.lockMonth(month);
        Instant now = clock.instant();
        LocalDate today = calendar.date(now);
        var latest = store.latest(month);
        if (mode == Mode.SCHEDULED && latest.isPresent()) {
            return new Built(latest.get(), false); // another instance (or a person) built it already
        }
        List<OutboxMessage> events = new ArrayList<>();
        if (latest.isEmpty()) {
            Map<String, String> labels = in.causes().causes().stream()
                    .collect(Collectors.toMap(RankedCause::cause, RankedCause::label, (a, b) -> a));
            List<CallAssignment> created = planning.assign(month, in.topCauses(), in.defectionCauses().stream()
                            .collect(Collectors.toMap(DefectionCause::id, DefectionCause::cause)),
                    new CallWording(labels, config.reportingCurrency(), calendar.zone()),
                    BusinessDays.plus(today, config.callDueBusinessDays()), now);
            created.forEach(a -> events.add(new OutboxMessage(Topics.LOSS_REVIEW, a.customerId(), EventTypes.CALL_ASSIGNED,
                    new CallAssigned(a.id().toString(), month, a.defectionId().toString(), a.customerId(), a.executiveId(),
                            a.why(), a.dueDate(), now))));
        }
        PacketContent inputs = new PacketContent(month, in, reviews.of(month.minusMonths(1)),
                actionLines(month, today, in.trend()), assignmentLines(month, in.defectionCauses()));
        int revision = latest.map(s -> s.packet().revision() + 1).orElse(1);
        Packet draft = PacketAssembler.assemble(inputs, revision, now, config.reportingCurrency());
        if (latest.isPresent() && latest.get().fingerprint().equals(store.fingerprint(draft))) {
            store.clearStale(latest.get().id()); // just read: its figures are the month's current ones
            return new Built(latest.get(), false); // same data, same packet: nothing new to publish
        }
        Packet changed = latest.map(l -> draft.withChanges(PacketChanges.between(l.packet(), draft))).orElse(draft);
        // Page 1's sentences are frozen with the revision: its JSON and every later rendering say the same.
        Packet packet = changed.withNarrative(renderer.narrative(changed));
        PacketRepository.Stored stored = store.insert(packet);
        events.add(new OutboxMessage(Topics.LOSS_REVIEW, month.toString(), EventTypes.PACKET_PUBLISHED,
                new PacketPublished(stored.id().toString(), month, revision, now, packet.summary().customers(),
                        packet.summary().arrLost())));
        outbox.add(events);
        return new Built(stored, true);
    }

    /**
     * The month's calls with where each stands. A call stands under the cause it learned, else under the analyzer's
     * current cause of its loss (ops may have re-caused it since), never under a cause it corrected.
     */
    private List<AssignmentLine> assignmentLines(YearMonth month, List<DefectionCause> causes) {
        Map<String, String> names = executives.all().stream().collect(Collectors.toMap(Executive::id, Executive::name));
        Map<UUID, String> current = causes.stream()
                .collect(Collectors.toMap(DefectionCause::id, DefectionCause::cause, (a, b) -> a));
        List<CallAssignment> calls = assignments.ofMonth(month);
        Map<UUID, String> movedTo = calls.stream().filter(a -> a.reassignedFrom() != null)
                .collect(Collectors.toMap(CallAssignment::reassignedFrom, a -> names.getOrDefault(a.executiveId(), a.executiveId()),
                        (a, b) -> b));
        return calls.stream().map(a -> {
            String classified = a.brief().classifiedCause();
            String cause = a.learnedCause() != null ? a.learnedCause() : current.getOrDefault(a.defectionId(), classified);
            return new AssignmentLine(names.getOrDefault(a.executiveId(), a.executiveId()), a.brief().accountName(),
                    a.brief().segment(), a.brief().region(), a.brief().arrLost(), cause, a.why(), a.dueDate(),
                    a.defectionId(), a.status().name(), a.outcome() == null ? null : a.outcome().name(), classified,
                    a.learnedCause(), a.notes(), movedTo.get(a.id()));
        }).toList();
    }

    /** Each action with its cause's losses in the month it was opened and in the packet's month. */
    private List<ActionLine> actionLines(YearMonth month, LocalDate today, Trend trend) {
        return actions.openedBy(month).stream().map(a -> {
            MonthPoint then = trend.point(a.cause(), a.openedMonth());
            MonthPoint now = trend.point(a.cause(), month);
            return new ActionLine(a.description(), a.cause(), a.owner(), a.dueDate(), a.status().name(),
                    a.overdue(today), a.openedMonth(), then.customers(), then.arrLost(),
                    now.customers(), now.arrLost());
        }).toList();
    }
}
