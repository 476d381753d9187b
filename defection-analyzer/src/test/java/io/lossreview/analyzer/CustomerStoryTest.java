package io.lossreview.analyzer;

import static io.lossreview.analyzer.support.DefectionBuilder.defectionFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.lossreview.analyzer.support.AnalyzerClient;
import io.lossreview.analyzer.support.DefectionBuilder;
import io.lossreview.contracts.Contact;
import io.lossreview.contracts.ContractJson;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.analysis.view.CustomerStory;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's whole story: every episode, newest first, in the detail view, each with its cause history (2035). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "analyzer_test"))
class CustomerStoryTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;
    @Inject
    AgroalDataSource dataSource;
    AnalyzerClient analyzer;

    @BeforeEach
    void client() {
        analyzer = new AnalyzerClient(prefix, dataSource);
    }

    @Test
    void everyEpisodeNewestFirstWithItsWordsContactAndCauseHistory() throws Exception {
        String customer = "cus_story_" + UUID.randomUUID().toString().substring(0, 8);
        DefectionBuilder first = defectionFor(customer, "2035-01").accountName("Northwind Traders").segment(Segment.SMB)
                .region("EMEA").plan("team").reason(null, null, null, "Support tickets sat for weeks.", null)
                .contact(new Contact("Jonas Weber", "CTO", "jonas.weber@northwind-traders.com", "+49 30 1234567"));
        DefectionBuilder second = first.nextEpisode("2035-03").accountName("Northwind GmbH").segment(Segment.MID_MARKET)
                .region("DACH").plan("business").reason("too_expensive", "Renewal quote was 18% higher.", null, null, null);
        DefectionBuilder other = defectionFor(customer + "_other", "2035-03");
        analyzer.publish(first, second, other);
        analyzer.setCause(first.id, "PRODUCT_QUALITY", "ops.anna").statusCode(200);

        String body = analyzer.get("/customers/{id}", customer).statusCode(200)
                .body("customerId", equalTo(customer))
                .body("accountName", equalTo("Northwind GmbH")).body("segment", equalTo("MID_MARKET"))
                .body("region", equalTo("DACH")).body("plan", equalTo("business"))
                .body("defections", hasSize(2))
                .body("defections.defection.id", equalTo(List.of(second.id, first.id)))
                .body("defections[0].defection.statedReason.billingComment", equalTo("Renewal quote was 18% higher."))
                .body("defections[0].defection.cause", equalTo("PRICE"))
                .body("defections[0].causeHistory.causeSource", equalTo(List.of("CLASSIFIER")))
                .body("defections[1].defection.statedReason.statedReason", equalTo("Support tickets sat for weeks."))
                .body("defections[1].defection.defection.contact.email", equalTo("jonas.weber@northwind-traders.com"))
                .body("defections[1].defection.evidence[0].kind", equalTo("manual"))
                .body("defections[1].causeHistory.causeSource", equalTo(List.of("CLASSIFIER", "MANUAL")))
                .body("defections[1].causeHistory[0].decidedBy", nullValue())
                .body("defections[1].causeHistory[1].cause", equalTo("PRODUCT_QUALITY"))
                .body("defections[1].causeHistory[1].decidedBy", equalTo("ops.anna"))
                .extract().asString();
        JsonNode story = ContractJson.mapper().readTree(body);
        assertEquals(List.of(), ContractSchemas.get().validateView(CustomerStory.class, story));
    }

    @Test
    void theNewestKnownValuesTellWhoTheCustomerIsWhenTheNewestEpisodeDoesNotSay() {
        String customer = "cus_story_" + UUID.randomUUID().toString().substring(0, 8);
        DefectionBuilder known = defectionFor(customer, "2035-04").accountName("Contoso").segment(Segment.ENTERPRISE)
                .region("APAC");
        DefectionBuilder unknown = known.nextEpisode("2035-06").segment(null).region(null);
        analyzer.publish(known, unknown);
        analyzer.get("/customers/{id}", customer).statusCode(200)
                .body("defections[0].defection.segment", equalTo("UNKNOWN"))
                .body("segment", equalTo("ENTERPRISE")).body("region", equalTo("APAC"))
                .body("accountName", equalTo("Contoso"));
    }

    @Test
    void aCustomerWithoutDefectionsIsA404AndANonsenseIdA400() {
        analyzer.get("/customers/{id}", "cus_never_lost_" + UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json");
        analyzer.get("/customers/{id}", "c".repeat(129)).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("customerId")).body("violations[0].rule", equalTo("max-length"));
        analyzer.get("/customers/{id}?month=2035-01", "cus_1").statusCode(400)
                .body("violations[0].rule", equalTo("unknown-parameter"));
    }
}
