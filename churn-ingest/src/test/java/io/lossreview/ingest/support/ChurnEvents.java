package io.lossreview.ingest.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.EventTypes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds inbound CloudEvents (structured mode) for tests; each call gets a fresh event id. */
public final class ChurnEvents {

    private ChurnEvents() {
    }

    /** Submits the events as one batch over REST and expects them accepted. */
    public static void post(ObjectNode... events) {
        given().contentType("application/cloudevents-batch+json").body(List.of(events).toString())
                .post("/events").then().statusCode(202);
    }

    public static String newCustomer() {
        return "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static ObjectNode cancellation(String customer, String subscription, String amount, String currency,
                                          String cancelledAt, String effectiveAt) {
        ObjectNode data = ContractJson.mapper().createObjectNode()
                .put("customerId", customer).put("subscriptionId", subscription).put("plan", "team").put("seats", 5)
                .put("cancelledAt", cancelledAt).put("reasonCode", "too_expensive").put("comment", "Budget cuts")
                .put("customerSince", "2023-01-15");
        data.putObject("mrr").put("amount", amount).put("currency", currency);
        if (effectiveAt != null) {
            data.put("effectiveAt", effectiveAt);
        }
        return event(EventTypes.SUBSCRIPTION_CANCELLED, "/billing/test", customer, cancelledAt, data);
    }

    public static ObjectNode accountChurned(String customer, String churnedAt) {
        ObjectNode data = ContractJson.mapper().createObjectNode()
                .put("customerId", customer).put("accountName", "Acme " + customer).put("segment", "MID_MARKET")
                .put("region", "EMEA").put("industry", "Retail").put("accountOwner", "Dana Reyes")
                .put("churnedAt", churnedAt).put("statedReason", "They moved to a cheaper competitor")
                .put("competitor", "Cheapo").put("lastNps", 4);
        data.putObject("contact").put("name", "Kim Lee").put("email", "kim.lee@example.com");
        return event(EventTypes.ACCOUNT_CHURNED, "/crm/test", customer, churnedAt, data);
    }

    public static ObjectNode reactivation(String customer, String subscription, String reactivatedAt) {
        ObjectNode data = ContractJson.mapper().createObjectNode()
                .put("customerId", customer).put("subscriptionId", subscription).put("reactivatedAt", reactivatedAt);
        return event(EventTypes.SUBSCRIPTION_REACTIVATED, "/billing/test", customer, reactivatedAt, data);
    }

    public static ObjectNode started(String customer, String subscription, String amount, String currency, String startedAt) {
        ObjectNode data = ContractJson.mapper().createObjectNode()
                .put("customerId", customer).put("subscriptionId", subscription).put("plan", "team").put("seats", 5)
                .put("startedAt", startedAt);
        data.putObject("mrr").put("amount", amount).put("currency", currency);
        return event(EventTypes.SUBSCRIPTION_STARTED, "/billing/test", customer, startedAt, data);
    }

    public static ObjectNode changed(String customer, String subscription, String amount, String currency, String changedAt) {
        ObjectNode data = ContractJson.mapper().createObjectNode()
                .put("customerId", customer).put("subscriptionId", subscription).put("seats", 8).put("changedAt", changedAt);
        data.putObject("mrr").put("amount", amount).put("currency", currency);
        return event(EventTypes.SUBSCRIPTION_CHANGED, "/billing/test", customer, changedAt, data);
    }

    public static ObjectNode event(String type, String source, String customer, String time, ObjectNode data) {
        ObjectNode e = ContractJson.mapper().createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", source)
                .put("type", type).put("subject", customer).put("time", Instant.parse(time).toString())
                .put("datacontenttype", "application/json");
        e.set("data", data);
        return e;
    }
}
