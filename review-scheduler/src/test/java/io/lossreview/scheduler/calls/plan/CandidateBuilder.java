package io.lossreview.scheduler.calls.plan;

import java.math.BigDecimal;
import java.time.Instant;

/** Builds test candidates: a voluntary, reachable, never-called PRICE loss in SMB/NA unless told otherwise. */
final class CandidateBuilder {

    private final String customerId;
    private String accountName;
    private String defectionId;
    private BigDecimal arrLost;
    private String segment = "SMB";
    private String region = "NA";
    private String cause = "PRICE";
    private boolean voluntary = true;
    private boolean wonBack;
    private boolean doNotContact;
    private boolean hasContact = true;
    private String owner;
    private Instant lastCalledAt;

    private CandidateBuilder(String customerId, BigDecimal arrLost) {
        this.customerId = customerId;
        this.accountName = customerId + " Ltd";
        this.defectionId = "d-" + customerId;
        this.arrLost = arrLost;
    }

    static CandidateBuilder customer(String customerId, long arrLost) {
        return new CandidateBuilder(customerId, BigDecimal.valueOf(arrLost));
    }

    static CandidateBuilder pendingValue(String customerId) {
        return new CandidateBuilder(customerId, null);
    }

    CandidateBuilder defection(String id) {
        this.defectionId = id;
        return this;
    }

    CandidateBuilder named(String accountName) {
        this.accountName = accountName;
        return this;
    }

    CandidateBuilder in(String segment, String region) {
        this.segment = segment;
        this.region = region;
        return this;
    }

    CandidateBuilder cause(String cause) {
        this.cause = cause;
        return this;
    }

    CandidateBuilder involuntary() {
        this.voluntary = false;
        return this;
    }

    CandidateBuilder wonBack() {
        this.wonBack = true;
        return this;
    }

    CandidateBuilder doNotContact() {
        this.doNotContact = true;
        return this;
    }

    CandidateBuilder noContact() {
        this.hasContact = false;
        return this;
    }

    CandidateBuilder owner(String owner) {
        this.owner = owner;
        return this;
    }

    CandidateBuilder lastCalledAt(Instant when) {
        this.lastCalledAt = when;
        return this;
    }

    Candidate build() {
        return new Candidate(defectionId, customerId, accountName, segment, region, arrLost, cause,
                voluntary, wonBack, doNotContact, hasContact, owner, lastCalledAt);
    }
}
