package io.lossreview.ingest.intake;

import io.lossreview.contracts.Topics;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.defection.DefectionService;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.ingest.inbound.InboundValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.messaging.CloudEventReader;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.EventConsumer;
import io.lossreview.messaging.Received;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * churn-ingest's inbound events on the platform's consumer path: the billing and CRM topics, and
 * the same decoding for REST, Stripe and replays ({@link io.lossreview.ingest.intake.EventSubmission}).
 *
 * <p>Every consumer thread reads all five topics. They are keyed by customer id with the same
 * partition count, and the threads split them with Kafka's range assignor, so one customer's billing
 * and CRM events always reach the same thread: threads never wait for each other's customer locks.
 */
@ApplicationScoped
public class ChurnEventConsumer implements EventConsumer<InboundEvent> {

    /** The inbox and dead-letter name of churn-ingest's events, whatever channel they came by. */
    public static final String NAME = "churn-ingest";

    private final CloudEventReader reader;
    private final InboundValidator validator;
    private final DefectionService defections;
    private final IngestConfig config;

    public ChurnEventConsumer(ObjectMapper mapper, InboundValidator validator, DefectionService defections,
                              IngestConfig config) {
        this.reader = new CloudEventReader(mapper, config.maxPayloadBytes());
        this.validator = validator;
        this.defections = defections;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING_SUBSCRIPTION_STARTED, Topics.BILLING_SUBSCRIPTION_CHANGED,
                Topics.BILLING_SUBSCRIPTION_CANCELLED, Topics.BILLING_SUBSCRIPTION_REACTIVATED, Topics.CRM_ACCOUNT_CHURNED);
    }

    @Override
    public int instances() {
        return config.consumers();
    }

    @Override
    public Decoded<InboundEvent> decode(Received record) {
        InboundEvent e = validator.validate(InboundEvent.of(reader.read(record), record.timestamp()));
        return e.valid() ? new Decoded.Event<>(record, e.source(), e.id(), e)
                : Decoded.refused(record, e.facts(), e.violations());
    }

    @Override
    public List<Decoded.Refused<InboundEvent>> apply(List<Decoded.Event<InboundEvent>> fresh) {
        defections.apply(fresh.stream().map(Decoded.Event::event).toList());
        return List.of();
    }
}
