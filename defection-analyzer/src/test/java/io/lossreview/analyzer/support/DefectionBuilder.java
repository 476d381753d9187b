package io.lossreview.analyzer.support;

import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.Contact;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventSources;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.defection.CancelledSubscription;
import io.lossreview.contracts.defection.CustomerProfile;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.DefectionStatus;
import io.lossreview.contracts.defection.DefectionValue;
import io.lossreview.contracts.defection.EventOrigin;
import io.lossreview.contracts.defection.StatedReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds loss.defection-changed events as churn-ingest publishes them; set fields, bump the revision, send again. */
public final class DefectionBuilder {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public final String id;
    public final String customerId;
    private int revision = 1;
    private YearMonth month;
    private boolean wonBack;
    private boolean contraction;
    private boolean voluntary = true;
    private int seats = 1;
    private BigDecimal mrr = new BigDecimal("100.00");
    private BigDecimal lifetimeValue;
    private boolean pending;
    private Segment segment = Segment.SMB;
    private String region = "EMEA";
    private String plan = "pro";
    private Integer tenureMonths = 12;
    private StatedReason reason = new StatedReason(null, null, null, null, null);
    private Contact contact;
    private String accountName;

    private DefectionBuilder(YearMonth month, String id, String customerId) {
        this.month = month;
        this.id = id;
        this.customerId = customerId;
    }

    public static DefectionBuilder defection(String month) {
        return new DefectionBuilder(YearMonth.parse(month), UUID.randomUUID().toString(),
                "cus_a" + SEQ.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A defection of this customer (a fresh defection id). */
    public static DefectionBuilder defectionFor(String customerId, String month) {
        return new DefectionBuilder(YearMonth.parse(month), UUID.randomUUID().toString(), customerId);
    }

    /** A defection whose ids are the same in every run (derived from the customer id): for contract examples. */
    public static DefectionBuilder defectionOf(String customerId, String month) {
        return new DefectionBuilder(YearMonth.parse(month),
                UUID.nameUUIDFromBytes(customerId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), customerId);
    }

    public DefectionBuilder revision(int r) { revision = r; return this; }
    public DefectionBuilder month(String m) { month = YearMonth.parse(m); return this; }
    public DefectionBuilder wonBack(boolean w) { wonBack = w; return this; }
    public DefectionBuilder contraction(boolean c) { contraction = c; return this; }
    public DefectionBuilder voluntary(boolean v) { voluntary = v; return this; }
    public DefectionBuilder seats(int s) { seats = s; return this; }
    public DefectionBuilder mrr(String amount) { mrr = new BigDecimal(amount); pending = false; return this; }
    public DefectionBuilder lifetimeValue(String amount) { lifetimeValue = new BigDecimal(amount); return this; }
    public DefectionBuilder pending() { pending = true; return this; }
    public DefectionBuilder segment(Segment s) { segment = s; return this; }
    public DefectionBuilder region(String r) { region = r; return this; }
    public DefectionBuilder plan(String p) { plan = p; return this; }
    public DefectionBuilder tenureMonths(Integer t) { tenureMonths = t; return this; }
    public DefectionBuilder contact(Contact c) { contact = c; return this; }
    /** The CRM's account name (default "Acme " + the customer id). */
    public DefectionBuilder accountName(String name) { accountName = name; return this; }

    /** Another defection (a new episode) of the same customer, as ingest would publish it: a new id, revision 1. */
    public DefectionBuilder nextEpisode(String month) {
        DefectionBuilder next = defectionFor(customerId, month);
        next.accountName = accountName;
        next.segment = segment;
        next.region = region;
        next.plan = plan;
        return next;
    }

    public DefectionBuilder reason(String billingCode, String comment, String crmCode, String stated, String competitor) {
        reason = new StatedReason(billingCode, comment, crmCode, stated, competitor);
        return this;
    }

    public DefectionBuilder stated(String text) {
        return reason(null, null, null, text, null);
    }

    public DefectionChanged data() {
        BigDecimal ltv = lifetimeValue != null ? lifetimeValue
                : tenureMonths == null ? null : mrr.multiply(BigDecimal.valueOf(tenureMonths));
        DefectionValue value = pending ? new DefectionValue("USD", null, null, null, true)
                : new DefectionValue("USD", mrr, mrr.multiply(BigDecimal.valueOf(12)), ltv, false);
        Instant at = month.atDay(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return new DefectionChanged(id, customerId, revision, revision == 1 ? DefectionChange.RECORDED : DefectionChange.ENRICHED,
                contraction ? DefectionStatus.CONTRACTION : wonBack ? DefectionStatus.WON_BACK : DefectionStatus.LOST, month, month.atDay(10), at, at, null,
                voluntary, seats, List.of(new CancelledSubscription("sub_" + customerId, plan, seats,
                new Money(mrr, "EUR"), at, at)), value,
                new CustomerProfile(accountName != null ? accountName : "Acme " + customerId, segment, region, "Software", "owner@example.com",
                        null, tenureMonths), reason, null, contact, false, wonBack ? at.plusSeconds(86400 * 20) : null,
                List.of(EventOrigin.BILLING, EventOrigin.CRM),
                at);
    }

    /** The CloudEvent JSON with a fresh event id. */
    public String event() {
        return event(UUID.randomUUID().toString());
    }

    public String event(String eventId) {
        try {
            return CloudEventEnvelope.write(eventId, EventSources.CHURN_INGEST, EventTypes.DEFECTION_CHANGED, customerId,
                    Instant.now(), data(), ContractJson.mapper());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
