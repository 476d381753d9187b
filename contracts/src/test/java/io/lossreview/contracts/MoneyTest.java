package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lossreview.contracts.defection.DefectionValue;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money is exact: decimal strings in, BigDecimal with the same scale inside, the same strings out. */
class MoneyTest {

    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper MAPPER = ContractJson.mapper();

    @Test
    void tenCentsPlusTwentyCentsIsExactlyThirtyCents() throws Exception {
        Money a = MAPPER.readValue("{\"amount\":\"0.10\",\"currency\":\"EUR\"}", Money.class);
        Money b = MAPPER.readValue("{\"amount\":\"0.20\",\"currency\":\"EUR\"}", Money.class);
        Money sum = new Money(a.amount().add(b.amount()), "EUR");
        assertEquals(new BigDecimal("0.30"), sum.amount()); // equals() compares scale too
        assertEquals("{\"amount\":\"0.30\",\"currency\":\"EUR\"}", MAPPER.writeValueAsString(sum));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.10", "1234.50", "1237.500000", "999999999999.999999"})
    void amountKeepsItsScaleAndTravelsAsAString(String amount) throws Exception {
        String json = "{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
        for (ObjectMapper mapper : List.of(MAPPER, PLAIN)) {
            Money money = mapper.readValue(json, Money.class);
            assertEquals(new BigDecimal(amount).scale(), money.amount().scale());
            assertEquals(json, mapper.writeValueAsString(money));
        }
    }

    @Test
    void neverScientificNotationEvenOnAPlainMapper() throws Exception {
        BigDecimal thousand = new BigDecimal("1000.00").stripTrailingZeros(); // toString() would be "1E+3"
        assertEquals("1E+3", thousand.toString());
        assertEquals("{\"amount\":\"1000\",\"currency\":\"GBP\"}", PLAIN.writeValueAsString(new Money(thousand, "GBP")));
        assertEquals("{\"amount\":\"0.0000001\",\"currency\":\"GBP\"}",
                PLAIN.writeValueAsString(new Money(new BigDecimal("1E-7"), "GBP")));
    }

    @Test
    void serializedAmountsSatisfyTheSchema() {
        SubscriptionCancelled cancelled = new SubscriptionCancelled("cus_1", "sub_1", null, null,
                new Money(new BigDecimal("1200.00").multiply(new BigDecimal("12")), "USD"),
                Instant.parse("2025-03-04T10:15:30Z"), null, null, null, null, null, Money.of("0.10", "USD"));
        JsonNode data = MAPPER.valueToTree(cancelled);
        assertEquals("14400.00", data.at("/mrr/amount").textValue());
        assertTrue(data.at("/mrr/amount").isTextual());
        assertEquals(List.of(), ContractSchemas.get().validateData(EventTypes.SUBSCRIPTION_CANCELLED, data));
    }

    @Test
    void defectionValueAmountsAreStringsAndPendingAmountsAreOmitted() throws Exception {
        DefectionValue valued = new DefectionValue("USD", new BigDecimal("1237.50"), new BigDecimal("14850.00"), null, false);
        assertEquals("{\"reportingCurrency\":\"USD\",\"mrr\":\"1237.50\",\"arr\":\"14850.00\",\"valuePending\":false}",
                PLAIN.writeValueAsString(valued));
        assertEquals("{\"reportingCurrency\":\"EUR\",\"valuePending\":true}",
                PLAIN.writeValueAsString(new DefectionValue("EUR", null, null, null, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1e3", "1.", ".5", "01.00", "1.1234567", "1000000000000", "1,000.00", " 12.50", "12.50\n"})
    void schemaRejectsAmountsThatAreNotPlainNonNegativeDecimals(String amount) {
        JsonNode data = TestResources.json("examples/billing.subscription-cancelled/payment-failure.json").get("data");
        ((ObjectNode) data.get("mrr")).put("amount", amount);
        assertEquals(List.of("/data/mrr/amount pattern"), ContractSchemas.get()
                .validateData(EventTypes.SUBSCRIPTION_CANCELLED, data).stream().map(v -> v.pointer() + " " + v.rule()).toList());
    }
}
