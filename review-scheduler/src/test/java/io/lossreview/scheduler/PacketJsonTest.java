package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.scheduler.packet.PacketRepository;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketRenderer;
import io.lossreview.scheduler.packet.render.PacketSamples;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /packets/{month} carries page 1's sentences as narrative, the very ones on page 1 of that revision; and a
 * revision stored before the packet knew its sentences, its calls' states and its cause decisions still reads.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class PacketJsonTest {

    private static final YearMonth MONTH = YearMonth.of(2031, 9);

    @Inject
    PacketRepository packets;
    @Inject
    PacketRenderer renderer;
    @Inject
    ObjectMapper mapper;

    @Test
    void theJsonHasTheSentencesOfPageOneOfThatRevision() {
        // Revision 1 froze its sentences when it was built; revision 2 is from before sentences were stored.
        Packet frozen = PacketSamples.as(PacketSamples.full(), MONTH, 1)
                .withNarrative(List.of("The month as it was told when revision 1 was built.", "A second sentence."));
        Packet older = PacketSamples.as(PacketSamples.full(), MONTH, 2).withNarrative(null);
        QuarkusTransaction.requiringNew().run(() -> {
            packets.insert(frozen);
            packets.insert(older);
        });

        List<String> first = given().queryParam("revision", 1).get("/packets/" + MONTH).then().statusCode(200)
                .extract().jsonPath().getList("narrative", String.class);
        assertEquals(frozen.narrative(), first);
        assertEquals(String.join(" ", first), pageOne(given().queryParam("revision", 1).get("/packets/" + MONTH + "/html")
                .then().statusCode(200).extract().asString()));

        List<String> latest = given().get("/packets/" + MONTH).then().statusCode(200)
                .extract().jsonPath().getList("narrative", String.class);
        assertEquals(6, latest.size(), "written from revision 2's figures");
        assertTrue(latest.get(0).startsWith("In September 2031 we lost 412 customers"), latest.get(0));
        assertEquals(String.join(" ", latest), pageOne(given().get("/packets/" + MONTH + "/html").then().statusCode(200)
                .extract().asString()));
        assertNull(packets.latest(MONTH).orElseThrow().packet().narrative(), "reading does not rewrite a frozen revision");
    }

    @Test
    void aRevisionStoredBeforeTheNewFieldsReadsAndRenders() throws Exception {
        ObjectNode json = mapper.valueToTree(PacketSamples.full());
        json.remove("narrative");
        json.withArray("notableLosses").forEach(n -> ((ObjectNode) n).remove("decision"));
        json.withArray("stories").forEach(n -> ((ObjectNode) n).remove("decision"));
        json.withArray("assignments").forEach(a -> ((ObjectNode) a).remove(List.of("defectionId", "status", "outcome",
                "classifiedCause", "learnedCause", "notes", "reassignedTo")));
        ((ObjectNode) json.get("lastMonthCalls")).withArray("learnings").forEach(l -> ((ObjectNode) l).remove("segment"));

        Packet old = mapper.treeToValue(json, Packet.class);
        assertNull(old.narrative());
        assertNull(old.notableLosses().get(1).decision());
        assertNull(old.assignments().get(0).status());
        String html = renderer.html(old);
        assertTrue(html.contains("Calls to make this month") && !html.contains("null"), "renders, printing no null");
        assertEquals(6, renderer.narrative(old).size());
    }

    /** The text of page 1's narrative paragraph, unescaped. */
    private static String pageOne(String html) {
        String open = "<p class=\"narrative\" id=\"narrative\">";
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf("</p>", start)).replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
