package io.lossreview.ingest.defection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionStatus;
import io.lossreview.contracts.defection.DefectionValue;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's loss episode: the billing cancellations and the CRM account record that arrived
 * within the correlation window, whichever came first, plus the figures derived from them.
 * Stored as a JSON document; every change bumps the revision that consumers keep the highest of.
 */
public class Defection {

    public UUID id;
    public String customerId;
    public int revision;
    public DefectionStatus status = DefectionStatus.LOST;
    /** The earliest occurrence (cancelledAt or churnedAt) of the episode; correlation measures from it. */
    public Instant anchorAt;
    public Map<String, SubscriptionCancelled> subscriptions = new LinkedHashMap<>();
    public AccountChurned crm;
    public Instant wonBackAt;
    public DefectionValue value;
    /**
     * Whether consumers have heard of it: an episode that has only ever been a contraction is not announced.
     * True when absent: every episode stored before contractions existed was announced.
     */
    public boolean announced = true;

    @JsonIgnore
    private DefectionChange pendingChange;

    public static Defection open(String customerId, Instant anchorAt) {
        Defection d = new Defection();
        d.id = UUID.randomUUID();
        d.customerId = customerId;
        d.anchorAt = anchorAt;
        d.announced = false;
        return d;
    }

    /**
     * A billing cancellation within the window joins the episode, also a won-back one when it was
     * cancelled before the win-back (topics are consumed in no particular order); a cancellation
     * after the win-back is a new loss.
     */
    public boolean acceptsCancellation(Instant cancelledAt, Duration window) {
        return within(cancelledAt, window) && (status != DefectionStatus.WON_BACK || cancelledAt.isBefore(wonBackAt));
    }

    /** The CRM's account record describes the episode whatever became of it, e.g. an early win-back. */
    public boolean acceptsAccountRecord(Instant occurredAt, Duration window) {
        return within(occurredAt, window);
    }

    private boolean within(Instant occurredAt, Duration window) {
        return Duration.between(anchorAt, occurredAt).abs().compareTo(window) <= 0;
    }

    public void addCancellation(SubscriptionCancelled cancellation) {
        subscriptions.put(cancellation.subscriptionId(), cancellation);
        touch(cancellation.cancelledAt());
    }

    public void addAccountChurned(AccountChurned churned) {
        crm = churned;
        touch(churned.churnedAt());
    }

    /** A reactivation within the win-back window after the loss (and not before the episode began). */
    public boolean wonBackBy(Instant reactivatedAt, Duration window) {
        // A contraction was never a loss: nothing to win back.
        return status == DefectionStatus.LOST && hasBilling()
                && !reactivatedAt.isBefore(anchorAt) && !reactivatedAt.isAfter(lossAt().plus(window));
    }

    public void markWonBack(Instant reactivatedAt) {
        status = DefectionStatus.WON_BACK;
        wonBackAt = reactivatedAt;
        pendingChange = DefectionChange.WON_BACK;
    }

    /**
     * Lost, or a contraction because the customer kept another subscription (the ledger's word); a won-back
     * episode stays won back.
     *
     * @return whether the status changed
     */
    public boolean reclassify(boolean customerKeptAnother) {
        DefectionStatus now = customerKeptAnother ? DefectionStatus.CONTRACTION : DefectionStatus.LOST;
        if (status == DefectionStatus.WON_BACK || status == now) {
            return false;
        }
        status = now;
        if (pendingChange != DefectionChange.WON_BACK) {
            pendingChange = DefectionChange.RECLASSIFIED;
        }
        return true;
    }

    /** Whether this change is to be announced: not while the episode has only ever been a contraction. */
    @JsonIgnore
    public boolean toAnnounce() {
        return announced || status != DefectionStatus.CONTRACTION;
    }

    /** The figures changed (an FX rate arrived): publish an update even if no input did. */
    public void revalued(DefectionValue newValue) {
        value = newValue;
        if (pendingChange == null) {
            pendingChange = DefectionChange.VALUED;
        }
    }

    /** The customer is lost when the last cancelled subscription ends; CRM-only: when the CRM says. */
    @JsonIgnore
    public Instant lossAt() {
        Instant last = null;
        for (SubscriptionCancelled s : subscriptions.values()) {
            Instant end = s.effectiveAtOrDefault();
            if (last == null || end.isAfter(last)) {
                last = end;
            }
        }
        return last != null ? last : crm.churnedAt();
    }

    @JsonIgnore
    public boolean hasBilling() {
        return !subscriptions.isEmpty();
    }

    @JsonIgnore
    public DefectionChange pendingChange() {
        return pendingChange;
    }

    /**
     * Called once per saved change: the next revision, and the change it publishes (the first one announced
     * is RECORDED, whatever happened to the episode before).
     */
    public DefectionChange commitChange() {
        DefectionChange change = announced ? pendingChange : DefectionChange.RECORDED;
        pendingChange = null;
        revision++;
        if (toAnnounce()) {
            announced = true;
        }
        return change;
    }

    private void touch(Instant occurredAt) {
        if (anchorAt == null || occurredAt.isBefore(anchorAt)) {
            anchorAt = occurredAt;
        }
        if (pendingChange != DefectionChange.WON_BACK) {
            pendingChange = revision == 0 ? DefectionChange.RECORDED : DefectionChange.ENRICHED;
        }
    }
}
