package io.lossreview.gateway.routes.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 tables from the API's JSON, safe to open in a spreadsheet. */
class CsvTableTest {

    @Test
    void aListAnswerIsATableWithFlattenedColumns() {
        String json = """
                [{"id":"a","customer":{"name":"Acme","segment":"SMB"},"mrr":"12.50","voluntary":true,"tags":["x"]},
                 {"id":"b","customer":{"name":"Multi\\nline"},"mrr":"-3.00","note":null}]""";
        assertEquals(String.join("\r\n", "id,customer.name,customer.segment,mrr,voluntary,note",
                "a,Acme,SMB,12.50,true,", "b,\"Multi\nline\",,-3.00,,", ""), CsvTable.of(json, ""));
    }

    @Test
    void formulasAreNeutralisedAndNumbersAreNot() {
        for (String formula : List.of("=1+1", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx")) {
            assertTrue(CsvTable.neutralised(formula).startsWith("'"), formula);
        }
        assertEquals("Price", CsvTable.neutralised("Price"));
        assertEquals("a,b\r\n-12.50,'-x\r\n", CsvTable.of("{\"rows\":[{\"a\":\"-12.50\",\"b\":\"-x\"}]}", "rows"));
    }

    @Test
    void csvIsChosenOnlyWhenPreferred() {
        assertTrue(CsvResponses.prefersCsv(List.of(MediaType.valueOf("text/csv"))));
        assertTrue(CsvResponses.prefersCsv(List.of(MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE)));
        assertFalse(CsvResponses.prefersCsv(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv"))));
        assertFalse(CsvResponses.prefersCsv(List.of(MediaType.WILDCARD_TYPE)));
        assertFalse(CsvResponses.prefersCsv(List.of()));
    }
}
